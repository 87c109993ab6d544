package com.qingke.fakewechat;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A separate HTTP server that stands in for WeCom and the official-account platform in the demo and test profiles,
 * so that WxJava runs end to end without the internet. Every {@link FakeProductRoutes} bean is mounted under its
 * prefix. It binds to loopback only and refuses to start in the prod profile.
 *
 * <p>Adding the official account: write an {@code @ApplicationScoped FakeProductRoutes} with prefix "/mp" (routes
 * such as {@code /cgi-bin/token}, {@code /cgi-bin/user/info}, {@code /cgi-bin/qrcode/create}), check tokens with
 * {@link FakeTokens} under its own kind (e.g. "mp.access_token"), keep its state in a bean next to
 * {@link FakeWeComState}, and point WxJava at {@link #mpApiHost()} through
 * {@code WxMpDefaultConfigImpl#setHostConfig(WxMpHostConfig)} (apiHost; mpHost/openHost under other sub-paths).
 */
@ApplicationScoped
public class FakeWeChatServer {
    private static final Logger LOG = Logger.getLogger(FakeWeChatServer.class);

    private final FakeWeChatConfig config;
    private final Vertx vertx;
    private final Instance<FakeProductRoutes> products;
    private volatile HttpServer server;

    FakeWeChatServer(FakeWeChatConfig config, Vertx vertx, Instance<FakeProductRoutes> products) {
        this.config = config;
        this.vertx = vertx;
        this.products = products;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            ensureStarted();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        HttpServer running = server;
        if (running != null) {
            running.close();
        }
    }

    public boolean isEnabled() {
        return config.enabled();
    }

    /** Base URL of the server, e.g. http://127.0.0.1:8089; starts it on first use. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + ensureStarted().actualPort();
    }

    /** What stands for https://qyapi.weixin.qq.com (WxCpDefaultConfigImpl#setBaseApiUrl). */
    public String cpBaseUrl() {
        return baseUrl() + FakeWeComApi.PREFIX;
    }

    /** What stands for https://api.weixin.qq.com (WxMpHostConfig#setApiHost). */
    public String mpApiHost() {
        return baseUrl() + "/mp";
    }

    private synchronized HttpServer ensureStarted() {
        if (server != null) {
            return server;
        }
        refuseOutsideDemoAndTest(config.enabled(), ConfigUtils.getProfiles());
        Router root = Router.router(vertx);
        root.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        for (FakeProductRoutes product : products) {
            Router sub = Router.router(vertx);
            product.mount(sub);
            root.route(product.prefix() + "/*").subRouter(sub);
        }
        server = listen(root, config.port());
        LOG.infof("Fake WeCom/WeChat server listening on http://%s:%d (demo/test only)", config.host(), server.actualPort());
        return server;
    }

    private HttpServer listen(Router root, int port) {
        try {
            return vertx.createHttpServer().requestHandler(root).listen(port, config.host())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (port != 0) {
                // A shared demo machine may have the fixed port taken; the demo only needs some port.
                LOG.warnf("Fake WeChat server could not bind port %d (%s); using a free port", port, e.getMessage());
                return listen(root, 0);
            }
            throw new IllegalStateException("Fake WeChat server did not start", e);
        }
    }

    /** The fake must never answer in production, where it would shadow the real platform. */
    static void refuseOutsideDemoAndTest(boolean enabled, List<String> profiles) {
        if (enabled && (profiles.contains("prod") || !(profiles.contains("demo") || profiles.contains("test")))) {
            throw new IllegalStateException("The fake WeChat server runs only in the demo and test profiles, not in " + profiles);
        }
    }
}
