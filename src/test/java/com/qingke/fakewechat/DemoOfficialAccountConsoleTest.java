package com.qingke.fakewechat;

import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class DemoOfficialAccountConsoleTest {
    @Inject FakeWeComCallbacks wecom;
    @Inject FakeWeComState corp;
    @Inject FakeOfficialAccountState account;
    @Inject WeComFixtures people;
    @Inject com.qingke.support.Fixtures fixtures;


    @Test
    void aDemoFollowerWhoIsAlsoAWecomContactBecomesTheSameCustomer() {
        Employee rep = people.rep("陈杰");
        String code = "demo-" + UUID.randomUUID().toString().substring(0, 6);
        given().header("Authorization", fixtures.bearer(people.manager("刘洋"))).contentType("application/json")
                .body("{\"name\":\"演示海报\",\"code\":\"" + code + "\"}").post("/api/campaigns").then().statusCode(201);
        FakeWeComState.Contact contact = new FakeWeComState.Contact("wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), "赵云");
        contact.unionId = "u" + UUID.randomUUID().toString().replace("-", "");
        corp.putContact(contact);
        assertEquals(200, wecom.deliver(wecom.customerAddsRep(contact, rep.wecomUserId, null)).status());
        people.processWholeInbox();

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("scene", code).formParam("sameAs", contact.externalUserId)
                .post("/demo/wechat/official-account/subscribe").then().statusCode(303);
        people.processWholeInbox();

        FakeOfficialAccountState.Follower follower = account.followers().stream().filter(f -> contact.unionId.equals(f.unionid))
                .findFirst().orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> {
            IdentityLink byOpenid = IdentityLink.find("kind = ?1 and value = ?2", IdentityKind.OPENID, follower.openid).firstResult();
            IdentityLink byExternal = IdentityLink.find("kind = ?1 and value = ?2", IdentityKind.EXTERNAL_USERID, contact.externalUserId).firstResult();
            assertEquals(byExternal.customerId, byOpenid.customerId);
        });
        given().get("/demo/wechat/official-account").then().statusCode(200)
                .body(containsString("模拟公众号"), containsString(follower.openid), containsString(code));
        given().get("/demo/wechat").then().statusCode(200).body(containsString("/demo/wechat/official-account"));
    }
}
