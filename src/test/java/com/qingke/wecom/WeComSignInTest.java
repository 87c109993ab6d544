package com.qingke.wecom;

import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComApi;
import com.qingke.platform.QingkeConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** The OAuth2 round trip against the fake WeCom: start, pick an employee on the authorize page, come back signed in. */
@QuarkusTest
class WeComSignInTest {
    @Inject WeComFixtures wecom;
    @Inject FakeWeComApi fakeApi;
    @Inject QingkeConfig qingke;

    private record Started(String state, String cookie, String authorizeUrl) {
    }

    private Started start(String redirect) {
        Response r = given().redirects().follow(false).queryParam("redirect", redirect).get("/auth/wecom");
        r.then().statusCode(302).header("Location", startsWith("http://127.0.0.1:"))
                .header("Location", containsString("/cp/connect/oauth2/authorize?appid=" + qingke.corpId()))
                .header("Location", containsString("scope=snsapi_base"));
        String location = r.getHeader("Location");
        Matcher m = Pattern.compile("[?&]state=([A-Za-z0-9]+)").matcher(location);
        assertTrue(m.find(), location);
        assertTrue(m.group(1).length() <= 128);
        String setCookie = r.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        return new Started(m.group(1), r.getCookie(WeComAuthResource.STATE_COOKIE), location);
    }

    private Response callback(Started s, String code) {
        return given().redirects().follow(false).cookie(WeComAuthResource.STATE_COOKIE, s.cookie())
                .queryParam("code", code).queryParam("state", s.state()).get("/auth/wecom/callback");
    }

    @Test
    void aRepSignsInAndLandsOnTheRequestedPageWithASessionCookie() {
        String userId = wecom.directoryMember("赵敏", false);
        Started s = start("/sidebar/?from=chat");
        Response r = callback(s, fakeApi.issueCode(userId));
        r.then().statusCode(302).header("Location", allOf(startsWith("http://localhost:"), endsWith(":" + io.restassured.RestAssured.port + "/sidebar/?from=chat")));
        String setCookie = String.join(";", r.getHeaders().getValues("Set-Cookie"));
        assertTrue(setCookie.contains("qk_session="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);

        given().cookie("qk_session", r.getCookie("qk_session")).get("/api/me")
                .then().statusCode(200).body("userId", is(userId)).body("name", is("赵敏")).body("manager", is(false));
        Employee stored = QuarkusTransaction.requiringNew().call(() -> Employee.findByUserId(qingke.corpId(), userId).orElseThrow());
        assertEquals("销售部", stored.department);
    }

    @Test
    void theAuthorizePageOfTheFakeLetsTheVisitorPickAnEmployee() {
        String userId = wecom.directoryMember("钱多多", false);
        Started s = start("/dashboard");
        String page = given().redirects().follow(false).get(s.authorizeUrl().replace("#wechat_redirect", ""))
                .then().statusCode(200).body(containsString("钱多多")).extract().asString();
        Matcher link = Pattern.compile("id=\"pick-" + userId + "\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(link.find());
        String pick = s.authorizeUrl().substring(0, s.authorizeUrl().indexOf("/authorize")) + "/" + link.group(1).replace("&amp;", "&");
        String back = given().redirects().follow(false).get(pick).then().statusCode(302).extract().header("Location");
        String code = URLDecoder.decode(back.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        callback(s, code).then().statusCode(302).header("Location", endsWith(":" + io.restassured.RestAssured.port + "/dashboard"));
    }

    @Test
    void aDepartmentLeaderOrAConfiguredManagerGetsTheManagerRole() {
        String leader = wecom.directoryMember("孙主管", true);
        Started s = start("/dashboard");
        Response r = callback(s, fakeApi.issueCode(leader));
        given().cookie("qk_session", r.getCookie("qk_session")).get("/api/me").then().statusCode(200).body("manager", is(true));

        Started s2 = start("/dashboard");
        Response r2 = callback(s2, fakeApi.issueCode("liuyang"));
        given().cookie("qk_session", r2.getCookie("qk_session")).get("/api/me").then().statusCode(200).body("manager", is(true));
    }

    @Test
    void aForgedOrForeignStateIsRefused() {
        String userId = wecom.directoryMember("吴用", false);
        Started s = start("/sidebar/");
        Started other = start("/sidebar/");
        given().redirects().follow(false).cookie(WeComAuthResource.STATE_COOKIE, s.cookie())
                .queryParam("code", fakeApi.issueCode(userId)).queryParam("state", other.state()).get("/auth/wecom/callback")
                .then().statusCode(400).header("Set-Cookie", nullValue());
        given().redirects().follow(false).queryParam("code", fakeApi.issueCode(userId)).queryParam("state", s.state())
                .get("/auth/wecom/callback").then().statusCode(400);
        String tampered = s.state().substring(0, s.state().length() - 1) + (s.state().endsWith("a") ? "b" : "a");
        given().redirects().follow(false).cookie(WeComAuthResource.STATE_COOKIE, s.cookie())
                .queryParam("code", fakeApi.issueCode(userId)).queryParam("state", tampered).get("/auth/wecom/callback")
                .then().statusCode(400);
    }

    @Test
    void aCodeWorksOnceAndAnUnknownCodeSignsNobodyIn() {
        String userId = wecom.directoryMember("林冲", false);
        String code = fakeApi.issueCode(userId);
        callback(start("/sidebar/"), code).then().statusCode(302);
        callback(start("/sidebar/"), code).then().statusCode(400).header("Set-Cookie", not(containsString("qk_session")));
        callback(start("/sidebar/"), "no-such-code").then().statusCode(400);
    }

    @Test
    void onlyRelativeRedirectsOnThisSiteAreAccepted() {
        for (String evil : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/ok\r\nX: y"}) {
            given().redirects().follow(false).queryParam("redirect", evil).get("/auth/wecom").then().statusCode(400);
        }
    }
}
