package com.qingke.sidebar;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.employee.Employee;
import com.qingke.inbox.OutboxEvent;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.platform.Masking;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.support.Fixtures;
import com.qingke.task.CrmTask;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class SidebarResourceTest {
    @Inject
    Fixtures fixtures;

    @Test
    void firstScreenHasProfileLatestEventsOpenActionsByPriorityMainOpportunityAndTasks() {
        Employee rep = fixtures.rep("张伟");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("孙丽"));
        SidebarData.analysed(c, "A", 86, List.of("查看报价单3次"), List.of("阶段停滞"));
        List<Long> events = SidebarData.events(c, rep, 55);
        Opportunity lost = SidebarData.opportunity(c, Stage.LOST, 0.0);
        Opportunity open = SidebarData.opportunity(c, Stage.NEGOTIATION, 0.65);
        SidebarData.contact(open, "钱总", DecisionRole.DECISION_MAKER, false);
        SidebarData.contact(open, "赵经理", DecisionRole.PURCHASER, true);
        RecommendedAction low = SidebarData.action(c, null, "low", ActionKind.TASK, 20, "低优先级", null);
        RecommendedAction high = SidebarData.action(c, open.id, "high", ActionKind.MESSAGE, 90, "高优先级", "您好");
        RecommendedAction closed = SidebarData.action(c, null, "closed", ActionKind.TASK, 99, "已忽略", null);
        QuarkusTransaction.requiringNew().run(() -> {
            RecommendedAction a = RecommendedAction.findById(closed.id);
            a.status = ActionStatus.DISMISSED;
            a.openKey = null;
            CrmTask t = new CrmTask();
            t.corpId = c.corpId;
            t.customerId = c.id;
            t.title = "寄样品";
            t.assigneeId = rep.id;
            t.persist();
        });

        JsonPath body = given().header("Authorization", fixtures.bearer(rep)).get("/api/sidebar/customers/" + c.id)
                .then().statusCode(200)
                .body("customer.name", is(c.name))
                .body("customer.phone", is(c.phone))
                .body("customer.intentGrade", is("A"))
                .body("customer.riskTags", contains("阶段停滞"))
                .body("customer.intentReasons", contains("查看报价单3次"))
                .body("customer.tags", contains("机床", "华东"))
                .body("ownerName", is("张伟"))
                .body("mine", is(true))
                .body("events", hasSize(50))
                .body("moreEvents", is(true))
                .body("events[0].id", is(events.get(0).intValue()))
                .body("events[0].label", is("查看报价单"))
                .body("events[0].text", is("《数控车床报价单》"))
                .body("events[1].employee", is("张伟"))
                .body("actions.id", contains(high.id.intValue(), low.id.intValue()))
                .body("opportunity.id", is(open.id.intValue()))
                .body("opportunity.stageLabel", is("商务谈判"))
                .body("opportunity.winRate", is(0.65f))
                .body("opportunity.contacts", hasSize(2))
                .body("opportunity.gaps", contains("决策人未触达", "技术评估未识别"))
                .body("opportunities.id", contains(open.id.intValue(), lost.id.intValue()))
                .body("tasks.title", contains("寄样品"))
                .body("stages.code", hasItems("INITIAL", "WON", "LOST"))
                .extract().jsonPath();
        assertEquals(50, new HashSet<>(body.getList("events.id")).size());
    }

    @Test
    void olderEventsPageByKeysetIncludingTiesOnTheSameInstant() {
        Employee rep = fixtures.rep("王芳");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("吴刚"));
        Instant same = Instant.parse("2026-01-05T08:00:00Z");
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                BehaviourEvent e = new BehaviourEvent();
                e.corpId = c.corpId;
                e.customerId = c.id;
                e.type = EventType.PAGE_VIEW;
                e.occurredAt = same;
                e.metadata = Map.of("page", "/p" + i);
                e.persist();
                out.add(e.id);
            }
            return out;
        });
        String auth = fixtures.bearer(rep);
        Set<Integer> seen = new HashSet<>();
        long before = ids.get(6); // among equal instants the newest has the highest id
        seen.add((int) before);
        JsonPath page = given().header("Authorization", auth).queryParam("before", before).queryParam("limit", 4)
                .get("/api/sidebar/customers/" + c.id + "/events").then().statusCode(200)
                .body("events", hasSize(4)).body("more", is(true)).extract().jsonPath();
        List<Integer> first = page.getList("events.id");
        assertEquals(List.of(ids.get(5).intValue(), ids.get(4).intValue(), ids.get(3).intValue(), ids.get(2).intValue()), first);
        given().header("Authorization", auth).queryParam("before", first.get(3)).queryParam("limit", 4)
                .get("/api/sidebar/customers/" + c.id + "/events").then().statusCode(200)
                .body("events.id", contains(ids.get(1).intValue(), ids.get(0).intValue())).body("more", is(false));
    }

    @Test
    void pagingRejectsAnEventOfAnotherCustomerAndBadLimits() {
        Employee rep = fixtures.rep("李娜");
        Customer mine = fixtures.customerOf(rep, Fixtures.unique("甲"));
        Customer other = fixtures.customerOf(rep, Fixtures.unique("乙"));
        long foreign = SidebarData.events(other, rep, 1).get(0);
        String auth = fixtures.bearer(rep);
        given().header("Authorization", auth).queryParam("before", foreign)
                .get("/api/sidebar/customers/" + mine.id + "/events").then().statusCode(400);
        given().header("Authorization", auth).queryParam("before", foreign).queryParam("limit", 500)
                .get("/api/sidebar/customers/" + other.id + "/events").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", auth)
                .get("/api/sidebar/customers/" + other.id + "/events").then().statusCode(400);
    }

    @Test
    void aFollowerSeesTheMaskedPhoneAndAStrangerIsRefused() {
        Employee owner = fixtures.rep("张伟");
        Employee follower = fixtures.rep("陈杰");
        Employee stranger = fixtures.rep("王芳");
        Customer c = fixtures.customerOf(owner, Fixtures.unique("郑爽"));
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerFollower f = new CustomerFollower();
            f.corpId = c.corpId;
            f.customerId = c.id;
            f.employeeId = follower.id;
            f.persist();
        });
        given().header("Authorization", fixtures.bearer(follower)).get("/api/sidebar/customers/" + c.id)
                .then().statusCode(200).body("customer.phone", is(Masking.phone(c.phone)))
                .body("customer.phoneMasked", is(true)).body("mine", is(false));
        given().header("Authorization", fixtures.bearer(stranger)).get("/api/sidebar/customers/" + c.id)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", fixtures.bearer(stranger)).get("/api/sidebar/customers/999999999")
                .then().statusCode(404);
        given().get("/api/sidebar/customers/" + c.id)
                .then().statusCode(401).body("type", is("urn:qingke:problem:sign-in-required"));
    }

    @Test
    void opensByTheWeComExternalUserOfTheChat() {
        Employee rep = fixtures.rep("张伟");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("冯媛"));
        String external = "wmTest" + Fixtures.unique("x").replace("-", "");
        SidebarData.externalUser(c, external);
        String auth = fixtures.bearer(rep);
        given().header("Authorization", auth).get("/api/sidebar/by-external-user/" + external)
                .then().statusCode(200).body("customer.id", is(c.id.intValue()));
        given().header("Authorization", auth).get("/api/sidebar/by-external-user/wmUnknown123")
                .then().statusCode(404);
        given().header("Authorization", auth).get("/api/sidebar/by-external-user/bad id!")
                .then().statusCode(anyOf(is(400), is(404)));
        given().header("Authorization", fixtures.bearer(fixtures.rep("陈杰"))).get("/api/sidebar/by-external-user/" + external)
                .then().statusCode(403);
    }

    @Test
    void theDemoPickerListsTheRepsOwnCustomersWithTheirExternalUser() {
        Employee rep = fixtures.rep("张伟");
        Employee other = fixtures.rep("王芳");
        String tag = Fixtures.unique("");
        Customer a = fixtures.customerOf(rep, "蒋" + tag);
        Customer b = fixtures.customerOf(rep, "沈" + tag);
        Customer notMine = fixtures.customerOf(other, "韩" + tag);
        SidebarData.externalUser(a, "wmPick" + a.id);
        String auth = fixtures.bearer(rep);
        List<Integer> ids = given().header("Authorization", auth).get("/api/sidebar/my-customers")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(ids.containsAll(List.of(a.id.intValue(), b.id.intValue())));
        assertFalse(ids.contains(notMine.id.intValue()));
        given().header("Authorization", auth).queryParam("q", "蒋" + tag).get("/api/sidebar/my-customers")
                .then().statusCode(200).body("id", contains(a.id.intValue())).body("[0].externalUserId", is("wmPick" + a.id));
        given().header("Authorization", fixtures.bearer(fixtures.manager("刘洋"))).queryParam("q", tag)
                .get("/api/sidebar/my-customers").then().statusCode(200).body("id", hasItems(a.id.intValue(), notMine.id.intValue()));
    }

    @Test
    void openingACustomerNeverAnalysedQueuesItsAnalysisOnce() {
        Employee rep = fixtures.rep("张伟");
        Customer fresh = fixtures.customerOf(rep, Fixtures.unique("新客"));
        Customer analysed = fixtures.customerOf(rep, Fixtures.unique("老客"));
        SidebarData.analysed(analysed, "C", 20, List.of(), List.of());
        String auth = fixtures.bearer(rep);
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", auth).get("/api/sidebar/customers/" + fresh.id).then().statusCode(200)
                    .body("customer.analysedAt", nullValue());
        }
        given().header("Authorization", auth).get("/api/sidebar/customers/" + analysed.id).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, OutboxEvent.count("aggregateId = ?1 and topic = 'ANALYSE_CUSTOMER'", fresh.id));
            assertEquals(0, OutboxEvent.count("aggregateId = ?1 and topic = 'ANALYSE_CUSTOMER'", analysed.id));
        });
    }

    @Test
    void settingsNeedNoSignIn() {
        given().get("/api/sidebar/settings").then().statusCode(200).body("demoBridge", is(true)).body("eventPageSize", is(50));
    }
}
