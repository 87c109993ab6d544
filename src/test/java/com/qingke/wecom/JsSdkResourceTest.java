package com.qingke.wecom;

import com.qingke.fakewechat.FakeWeComApi;
import com.qingke.platform.QingkeConfig;
import com.qingke.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class JsSdkResourceTest {
    @Inject Fixtures fixtures;
    @Inject FakeWeComApi fakeApi;
    @Inject QingkeConfig qingke;

    @Test
    void signsWxConfigWithTheCorpTicketAndAgentConfigWithTheAgentTicket() {
        String page = qingke.publicUrl() + "/sidebar/?entry=single_chat_tools";
        JsonPath body = given().header("Authorization", fixtures.bearer(fixtures.rep("张伟")))
                .queryParam("url", page + "#/customer").get("/api/wecom/jssdk")
                .then().statusCode(200).body("corpId", is(qingke.corpId())).body("url", is(page))
                .body("jsApiList", hasItems("getContext", "getCurExternalContact", "sendChatMessage"))
                .extract().jsonPath();
        assertTrue(fakeApi.isValidJsSdkSignature(false, page, body.getString("config.nonceStr"), body.getLong("config.timestamp"),
                body.getString("config.signature")));
        assertTrue(fakeApi.isValidJsSdkSignature(true, page, body.getString("agentConfig.nonceStr"),
                body.getLong("agentConfig.timestamp"), body.getString("agentConfig.signature")));
        assertFalse(fakeApi.isValidJsSdkSignature(true, page, body.getString("config.nonceStr"), body.getLong("config.timestamp"),
                body.getString("config.signature")), "the two signatures use different tickets");
    }

    @Test
    void needsASignedInRepAndAPageOfThisApp() {
        given().queryParam("url", qingke.publicUrl() + "/sidebar/").get("/api/wecom/jssdk").then().statusCode(401);
        given().header("Authorization", fixtures.bearer(fixtures.rep("王芳"))).queryParam("url", "https://evil.example/x")
                .get("/api/wecom/jssdk").then().statusCode(400);
    }
}
