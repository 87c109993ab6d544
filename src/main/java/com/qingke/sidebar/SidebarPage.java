package com.qingke.sidebar;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HTTP details of the sidebar page, which the app serves from META-INF/resources/sidebar (built from sidebar-web/):
 * {@code /sidebar} redirects to {@code /sidebar/}; Vite's content-hashed assets are cached for good, while the page
 * itself is revalidated on every open so a new release reaches the rep at once.
 */
@ApplicationScoped
public class SidebarPage {
    static final String ROOT = "/sidebar/";

    void routes(@Observes Router router) {
        router.routeWithRegex("^/sidebar$").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(rc -> {
            String query = rc.request().query();
            rc.response().setStatusCode(302).putHeader("Location", query == null ? ROOT : ROOT + "?" + query).end();
        });
        router.route(ROOT + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(rc -> {
            boolean hashed = rc.normalizedPath().startsWith(ROOT + "assets/");
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() == 200) {
                    rc.response().headers().set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
                }
            });
            rc.next();
        });
    }
}
