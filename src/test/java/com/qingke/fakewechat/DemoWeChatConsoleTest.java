package com.qingke.fakewechat;

import com.qingke.wecom.WeComFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class DemoWeChatConsoleTest {
    @Inject FakeWeComState corp;
    @Inject WeComFixtures people;

    @Test
    void showsTheFakeCorpAndFiresAnEncryptedAddContactCallback() {
        given().get("/demo/wechat").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("模拟企业微信")).body(containsString("张伟（zhangwei）"));
        int before = corp.callbacks().size();
        String location = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("userId", "zhangwei").formParam("state", "demo-console").post("/demo/wechat/add-contact")
                .then().statusCode(303).extract().header("Location");
        people.processInbox();
        given().get(location).then().statusCode(200).body(containsString("200 success")).body(containsString("demo-console"));
        org.junit.jupiter.api.Assertions.assertEquals(before + 1, corp.callbacks().size());
        org.junit.jupiter.api.Assertions.assertEquals(200, corp.callbacks().get(before).httpStatus());
    }
}
