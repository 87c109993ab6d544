package com.qingke.customer;

import com.qingke.employee.Employee;
import com.qingke.platform.Masking;
import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CustomerResourceTest {
    @Inject Fixtures fixtures;

    @Test
    void ownerSeesTheFullPhoneAndAFollowerSeesItMasked() {
        Employee owner = fixtures.rep("张伟");
        Employee follower = fixtures.rep("陈杰");
        Customer c = fixtures.customerOf(owner, "孙丽");
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerFollower f = new CustomerFollower();
            f.corpId = c.corpId;
            f.customerId = c.id;
            f.employeeId = follower.id;
            f.persist();
        });
        given().header("Authorization", fixtures.bearer(owner)).get("/api/customers/" + c.id)
                .then().statusCode(200).body("phone", is(c.phone)).body("phoneMasked", is(false));
        given().header("Authorization", fixtures.bearer(follower)).get("/api/customers/" + c.id)
                .then().statusCode(200).body("phone", is(Masking.phone(c.phone))).body("phoneMasked", is(true));
    }

    @Test
    void managerSeesTheTeamsCustomers() {
        Customer c = fixtures.customerOf(fixtures.rep("王芳"), "钱进");
        given().header("Authorization", fixtures.bearer(fixtures.manager("刘洋"))).get("/api/customers/" + c.id)
                .then().statusCode(200).body("name", is("钱进"));
    }

    @Test
    void repCreatesACustomerTheyOwnWithEmojiInTheName() {
        Employee rep = fixtures.rep("李娜");
        long id = given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"name\": \"周杰🌟\", \"phone\": \"+86 139-1234-5678\", \"company\": \"无锡精工\", \"tags\": [\"机床\", \"机床\"]}")
                .post("/api/customers")
                .then().statusCode(201).body("phone", is("13912345678")).body("tags", contains("机床"))
                .extract().jsonPath().getLong("id");
        Customer stored = QuarkusTransaction.requiringNew().call(() -> Customer.findById(id));
        assertEquals("周杰🌟", stored.name);
        assertEquals(rep.id, stored.ownerId);
    }

    @Test
    void tagsAreReplacedAndAudited() {
        Employee rep = fixtures.rep("张伟");
        Customer c = fixtures.customerOf(rep, "吴刚");
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"tags\": [\"高意向\", \"华东\"]}")
                .put("/api/customers/" + c.id + "/tags")
                .then().statusCode(200).body("tags", contains("高意向", "华东"));
        long audits = QuarkusTransaction.requiringNew().call(() ->
                com.qingke.platform.AuditEntry.count("entityType = 'customer' and entityId = ?1 and action = 'CUSTOMER_TAGS_CHANGED'", c.id));
        assertEquals(1, audits);
    }
}
