package com.qingke.sidebar;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** The built page is served at /sidebar/ and nothing else is swallowed by it. */
@QuarkusTest
class SidebarPageTest {

    @Test
    void thePageIsServedRevalidatedAndItsAssetsCachedForGood() {
        String html = given().get("/sidebar/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", is("no-cache"))
                .body(containsString("<div id=\"app\">"), containsString("/sidebar/assets/"))
                .extract().asString();
        String script = html.replaceAll("(?s).*src=\"(/sidebar/assets/[^\"]+\\.js)\".*", "$1");
        given().get(script).then().statusCode(200).header("Cache-Control", containsString("immutable"));
    }

    @Test
    void withoutTheSlashItRedirectsKeepingTheQuery() {
        given().redirects().follow(false).get("/sidebar?customer=7").then().statusCode(302)
                .header("Location", endsWith("/sidebar/?customer=7"));
    }

    @Test
    void otherPathsAreNotServedThePage() {
        given().get("/api/no-such-thing").then().statusCode(404).body(not(containsString("<div id=\"app\">")));
        given().get("/sidebar/no-such-file.js").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(200);
    }
}
