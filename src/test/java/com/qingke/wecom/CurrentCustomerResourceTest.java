package com.qingke.wecom;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.opportunity.Opportunity;
import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class CurrentCustomerResourceTest {
    @Inject WeComFixtures people;
    @Inject Fixtures fixtures;
    @Inject FakeWeComState corp;

    @Test
    void onFirstSightTheContactIsFetchedFromWeComAndBecomesTheRepsCustomer() {
        Employee rep = people.rep("张伟");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "冯磊");
        contact.follows.get(rep.wecomUserId).remarkMobiles.add("13712345678");
        String path = "/api/wecom/external-contacts/" + contact.externalUserId + "/customer";

        long id = given().header("Authorization", fixtures.bearer(rep)).get(path)
                .then().statusCode(200).body("name", is("冯磊")).body("company", is("测试客户公司"))
                .body("phone", is("13712345678")).body("ownerId", is(rep.id.intValue())).body("sourceChannel", is("WECOM_QR"))
                .extract().jsonPath().getLong("id");
        given().header("Authorization", fixtures.bearer(rep)).get(path).then().statusCode(200).body("id", is((int) id));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, IdentityLink.count("customerId = ?1 and kind = ?2", id, IdentityKind.EXTERNAL_USERID));
            assertEquals(1, IdentityLink.count("customerId = ?1 and kind = ?2", id, IdentityKind.UNIONID));
            assertEquals(1, Opportunity.count("customerId", id));
        });
    }

    @Test
    void anotherRepGetsForbiddenWithoutDetailsAndAManagerSeesTheCustomer() {
        Employee rep = people.rep("王芳");
        Employee stranger = people.rep("李娜");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "褚洁");
        String path = "/api/wecom/external-contacts/" + contact.externalUserId + "/customer";

        // before anyone has seen the contact, and after the owner has
        given().header("Authorization", fixtures.bearer(stranger)).get(path).then().statusCode(403).body(not(containsString("褚洁")));
        given().header("Authorization", fixtures.bearer(rep)).get(path).then().statusCode(200);
        given().header("Authorization", fixtures.bearer(stranger)).get(path)
                .then().statusCode(403).contentType("application/problem+json").body(not(containsString("褚洁")))
                .body(not(containsString("测试客户公司")));
        Long id = QuarkusTransaction.requiringNew().call(() -> IdentityLink.<IdentityLink>find("kind = ?1 and value = ?2",
                IdentityKind.EXTERNAL_USERID, contact.externalUserId).firstResult().customerId);
        given().header("Authorization", fixtures.bearer(stranger)).get("/api/customers/" + id).then().statusCode(403);
        given().header("Authorization", fixtures.bearer(stranger)).contentType("application/json").body("{\"tags\":[\"x\"]}")
                .put("/api/customers/" + id + "/tags").then().statusCode(403);
        given().header("Authorization", fixtures.bearer(people.manager("刘洋"))).get(path).then().statusCode(200).body("name", is("褚洁"));
    }

    @Test
    void aRepWhoJustAddedAKnownCustomerGainsAccessFromWeComsFollowList() {
        Employee first = people.rep("陈杰");
        Employee second = people.rep("张伟");
        FakeWeComState.Contact contact = people.contactOf(first.wecomUserId, "蒋琳");
        String path = "/api/wecom/external-contacts/" + contact.externalUserId + "/customer";
        given().header("Authorization", fixtures.bearer(first)).get(path).then().statusCode(200);
        corp.follow(contact, second.wecomUserId, 1, null);
        given().header("Authorization", fixtures.bearer(second)).get(path).then().statusCode(200).body("name", is("蒋琳"));
    }

    @Test
    void anUnknownContactIsNotFoundAndAnonymousCallersAreRefused() {
        Employee rep = people.rep("李娜");
        given().header("Authorization", fixtures.bearer(rep)).get("/api/wecom/external-contacts/wmNoSuchContact/customer")
                .then().statusCode(404);
        given().get("/api/wecom/external-contacts/wmNoSuchContact/customer").then().statusCode(401);
        given().header("Authorization", fixtures.bearer(rep)).get("/api/wecom/external-contacts/bad$id/customer").then().statusCode(400);
    }

    @Test
    void existingCustomersAreNotDuplicated() {
        Employee rep = people.rep("王芳");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "沈浩");
        String path = "/api/wecom/external-contacts/" + contact.externalUserId + "/customer";
        given().header("Authorization", fixtures.bearer(rep)).get(path).then().statusCode(200);
        given().header("Authorization", fixtures.bearer(rep)).get(path).then().statusCode(200);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Customer.count("name = ?1 and ownerId = ?2", "沈浩", rep.id)));
    }
}
