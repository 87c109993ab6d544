package com.qingke.timeline;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.inbox.OutboxEvent;
import com.qingke.platform.AuditEntry;
import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class TimelineResourceTest {
    @Inject
    Fixtures fixtures;

    @Test
    void aLoggedCallGoesOnTheTimelineIsAuditedAndAsksForAnalysis() {
        Employee rep = fixtures.rep("张伟");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("秦川"));
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"kind\": \"CALL\", \"text\": \"客户关心交期，下周安排演示\", \"durationMinutes\": 12}")
                .post("/api/customers/" + c.id + "/notes")
                .then().statusCode(201).body("type", is("CALL")).body("label", is("电话沟通"))
                .body("text", is("客户关心交期，下周安排演示；时长约 12 分钟")).body("employee", is("张伟"));
        QuarkusTransaction.requiringNew().run(() -> {
            BehaviourEvent e = BehaviourEvent.find("customerId = ?1 and type = ?2", c.id, EventType.CALL).firstResult();
            assertEquals(720, ((Number) e.metadata.get("durationSec")).intValue());
            assertEquals(rep.id, e.employeeId);
            assertEquals(1, AuditEntry.count("entityType = 'customer' and entityId = ?1 and action = 'CALL_LOGGED'", c.id));
            assertEquals(1, OutboxEvent.count("aggregateId = ?1 and topic = 'ANALYSE_CUSTOMER'", c.id));
            assertNotNull(((Customer) Customer.findById(c.id)).lastActivityAt);
        });
    }

    @Test
    void aRepeatedSubmitWithTheSameRequestIdRecordsOneNote() {
        Employee rep = fixtures.rep("王芳");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("卫青"));
        String auth = fixtures.bearer(rep);
        String body = "{\"kind\": \"NOTE\", \"text\": \"已寄样品\", \"requestId\": \"abcdef0123456789\"}";
        int first = given().header("Authorization", auth).contentType("application/json").body(body)
                .post("/api/customers/" + c.id + "/notes").then().statusCode(201).extract().path("id");
        int second = given().header("Authorization", auth).contentType("application/json").body(body)
                .post("/api/customers/" + c.id + "/notes").then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        QuarkusTransaction.requiringNew().run(() ->
                assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", c.id, EventType.NOTE)));
    }

    @Test
    void invalidNotesAndStrangersAreRefused() {
        Employee rep = fixtures.rep("李娜");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("霍光"));
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"kind\": \"NOTE\", \"text\": \" \"}").post("/api/customers/" + c.id + "/notes")
                .then().statusCode(400).body("violations.message", hasItem("请填写内容"));
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"kind\": \"NOTE\", \"text\": \"x\", \"requestId\": \"../../etc\"}").post("/api/customers/" + c.id + "/notes")
                .then().statusCode(400);
        given().header("Authorization", fixtures.bearer(fixtures.rep("陈杰"))).contentType("application/json")
                .body("{\"kind\": \"NOTE\", \"text\": \"看看\"}").post("/api/customers/" + c.id + "/notes")
                .then().statusCode(403);
    }
}
