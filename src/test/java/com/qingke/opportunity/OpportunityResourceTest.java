package com.qingke.opportunity;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.inbox.OutboxEvent;
import com.qingke.platform.AuditEntry;
import com.qingke.support.Fixtures;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class OpportunityResourceTest {
    @Inject
    Fixtures fixtures;

    @Test
    void changingTheStageRecordsHistoryTimelineAndAuditAndReturnsTheNewWinRate() {
        Employee rep = fixtures.rep("张伟");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("孔明"));
        Opportunity o = opportunity(c, Stage.QUALIFIED, 0.123);
        Instant before = Instant.now();

        float winRate = given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"stage\": \"PROPOSAL\"}").post("/api/opportunities/" + o.id + "/stage")
                .then().statusCode(200).body("stage", is("PROPOSAL")).body("stageLabel", is("方案报价"))
                .body("winRate", notNullValue()).body("winRateFactors", not(empty()))
                .extract().jsonPath().getFloat("winRate");
        assertNotEquals(0.123f, winRate, 1e-6);

        QuarkusTransaction.requiringNew().run(() -> {
            Opportunity moved = Opportunity.findById(o.id);
            assertEquals(Stage.PROPOSAL, moved.stage);
            assertFalse(moved.stageChangedAt.isBefore(before.minusSeconds(1)), "stage_changed_at is the time of the change");
            List<StageChange> history = StageChange.list("opportunityId", o.id);
            assertEquals(1, history.size());
            assertEquals(Stage.QUALIFIED, history.get(0).fromStage);
            assertEquals(Stage.PROPOSAL, history.get(0).toStage);
            assertEquals("employee:" + rep.id, history.get(0).changedBy);
            BehaviourEvent e = BehaviourEvent.find("customerId = ?1 and type = ?2", c.id, EventType.STAGE_CHANGED).firstResult();
            assertEquals("方案报价", e.metadata.get("toLabel"));
            assertEquals(1, AuditEntry.count("entityType = 'opportunity' and entityId = ?1 and action = 'OPPORTUNITY_STAGE_CHANGED'", o.id));
            assertTrue(OutboxEvent.count("aggregateId = ?1 and topic = 'ANALYSE_CUSTOMER'", c.id) >= 1);
        });
    }

    @Test
    void theSameStageConflictsLosingNeedsAReasonAndAClosedDealStaysClosed() {
        Employee rep = fixtures.rep("王芳");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("鲁达"));
        Opportunity o = opportunity(c, Stage.NEGOTIATION, 0.6);
        String auth = fixtures.bearer(rep);
        given().header("Authorization", auth).contentType("application/json").body("{\"stage\": \"NEGOTIATION\"}")
                .post("/api/opportunities/" + o.id + "/stage").then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", auth).contentType("application/json").body("{\"stage\": \"LOST\"}")
                .post("/api/opportunities/" + o.id + "/stage").then().statusCode(400).body("detail", is("请填写输单原因"));
        given().header("Authorization", auth).contentType("application/json").body("{}")
                .post("/api/opportunities/" + o.id + "/stage").then().statusCode(400);
        given().header("Authorization", auth).contentType("application/json").body("{\"stage\": \"LOST\", \"reason\": \"预算砍掉了\"}")
                .post("/api/opportunities/" + o.id + "/stage").then().statusCode(200)
                .body("closed", is(true)).body("lostReason", is("预算砍掉了")).body("closedAt", notNullValue());
        given().header("Authorization", auth).contentType("application/json").body("{\"stage\": \"WON\"}")
                .post("/api/opportunities/" + o.id + "/stage").then().statusCode(409);
        QuarkusTransaction.requiringNew().run(() ->
                assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", c.id, EventType.DEAL_LOST)));
    }

    @Test
    void anotherRepCannotSeeOrMoveTheOpportunity() {
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), Fixtures.unique("伍六"));
        Opportunity o = opportunity(c, Stage.INITIAL, 0.1);
        String stranger = fixtures.bearer(fixtures.rep("李娜"));
        given().header("Authorization", stranger).get("/api/opportunities/" + o.id).then().statusCode(403);
        given().header("Authorization", stranger).contentType("application/json").body("{\"stage\": \"QUALIFIED\"}")
                .post("/api/opportunities/" + o.id + "/stage").then().statusCode(403);
        given().header("Authorization", stranger).get("/api/opportunities/999999999").then().statusCode(404);
        QuarkusTransaction.requiringNew().run(() -> assertEquals(Stage.INITIAL, ((Opportunity) Opportunity.findById(o.id)).stage));
    }

    @Test
    void markingTheDecisionMakerReachedUpdatesTheChainOnceAndIsAudited() {
        Employee rep = fixtures.rep("陈杰");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("欧阳"));
        Opportunity o = opportunity(c, Stage.PROPOSAL, 0.4);
        DecisionContact tech = contact(o, "李工", DecisionRole.TECHNICAL);
        DecisionContact boss = contact(o, "钱总", DecisionRole.DECISION_MAKER);
        String auth = fixtures.bearer(rep);

        given().header("Authorization", auth).get("/api/opportunities/" + o.id).then().statusCode(200)
                .body("decisionChainStatus", is("NONE")).body("gaps", contains("决策人未触达", "采购未识别", "技术评估未触达"));
        given().header("Authorization", auth).contentType("application/json").body("{\"reached\": true}")
                .put("/api/opportunities/" + o.id + "/contacts/" + tech.id + "/reached")
                .then().statusCode(200).body("decisionChainStatus", is("PARTIAL"));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", auth).contentType("application/json").body("{\"reached\": true}")
                    .put("/api/opportunities/" + o.id + "/contacts/" + boss.id + "/reached")
                    .then().statusCode(200).body("decisionChainStatus", is("DECISION_MAKER_REACHED"))
                    .body("contacts.find { it.id == " + boss.id + " }.reached", is(true))
                    .body("gaps", contains("采购未识别"));
        }
        given().header("Authorization", auth).contentType("application/json").body("{\"reached\": true}")
                .put("/api/opportunities/" + o.id + "/contacts/999999999/reached").then().statusCode(404);
        given().header("Authorization", auth).contentType("application/json").body("{}")
                .put("/api/opportunities/" + o.id + "/contacts/" + boss.id + "/reached").then().statusCode(400);
        QuarkusTransaction.requiringNew().run(() -> assertEquals(2,
                AuditEntry.count("entityType = 'opportunity' and entityId = ?1 and action = 'DECISION_CONTACT_REACHED'", o.id)));
    }

    @Test
    void stagesAreListedInFunnelOrder() {
        given().header("Authorization", fixtures.bearer(fixtures.rep("张伟"))).get("/api/opportunities/stages")
                .then().statusCode(200).body("code", contains("INITIAL", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "WON", "LOST"))
                .body("[4].closed", is(true));
    }

    private static Opportunity opportunity(Customer c, Stage stage, double winRate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Opportunity o = new Opportunity();
            o.corpId = c.corpId;
            o.customerId = c.id;
            o.ownerId = c.ownerId;
            o.name = "测试商机";
            o.stage = stage;
            o.amount = new BigDecimal("120000");
            o.winRate = winRate;
            o.winRateFactors = new ArrayList<>();
            o.stageChangedAt = Instant.now().minus(Duration.ofDays(2));
            o.persist();
            return o;
        });
    }

    private static DecisionContact contact(Opportunity o, String name, DecisionRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DecisionContact d = new DecisionContact();
            d.corpId = o.corpId;
            d.opportunityId = o.id;
            d.name = name;
            d.role = role;
            d.persist();
            return d;
        });
    }
}
