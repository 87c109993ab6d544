package com.qingke.dashboard;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityService;
import com.qingke.opportunity.Stage;
import com.qingke.platform.QingkeConfig;
import com.qingke.recommendation.ActionStatus;
import com.qingke.support.Fixtures;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every KPI, funnel step and channel figure against numbers worked out by hand from a small fixed data set in March 2024
 * (Beijing time). The period is [2024-03-01, 2024-04-01); the previous period is [2024-01-30, 2024-03-01).
 * The data belong to reps created here, and the dashboard is filtered by rep, so other tests' rows never count.
 */
@QuarkusTest
class DashboardKpiTest {
    private static final String MARCH = "from=2024-03-01&to=2024-04-01";
    private static final double EPS = 1e-9;

    @Inject Fixtures fixtures;
    @Inject QingkeConfig config;
    @Inject IdentityService identity;
    @Inject ActionQueries actionQueries;

    Employee manager;
    Employee rep;
    Employee otherRep;

    @BeforeEach
    void data() {
        manager = fixtures.manager("刘洋");
        rep = fixtures.rep("张伟");
        otherRep = fixtures.rep("王芳");
        TeamData t = new TeamData(config.corpId());
        Campaign qr = t.campaign("展会公众号码", Channel.OA_QR);
        Campaign live = t.campaign("官网企微活码", Channel.WECOM_QR);

        // ---- leads of March ----
        // L1: called after 2 h; opportunity went all the way and was won.
        Customer l1 = t.lead(rep, "L1", "2024-03-05T10:00", Channel.OA_QR, qr);
        t.event(l1, EventType.CALL, "2024-03-05T12:00");
        t.opportunity(l1, rep, "2024-03-06T09:00", "100000", null,
                Stage.INITIAL, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION, Stage.WON);
        // L2: a call logged before the lead existed does not count; first real contact is a chat 30 h later.
        Customer l2 = t.lead(rep, "L2", "2024-03-10T09:00", Channel.WECOM_QR, live);
        t.event(l2, EventType.CALL, "2024-03-09T09:00");
        t.event(l2, EventType.CHAT, "2024-03-11T15:00");
        t.opportunity(l2, rep, "2024-03-12T09:00", "50000", 0.6, Stage.INITIAL, Stage.PROPOSAL, Stage.NEGOTIATION);
        // L3: a note is not a contact; the message 30 min after creation is. Lost at proposal.
        Customer l3 = t.lead(rep, "L3", "2024-03-20T08:00", Channel.WEB_FORM, null);
        t.event(l3, EventType.NOTE, "2024-03-20T08:10");
        t.event(l3, EventType.MESSAGE_SENT, "2024-03-20T08:30");
        t.opportunity(l3, rep, "2024-03-21T09:00", "20000", null, Stage.INITIAL, Stage.QUALIFIED, Stage.PROPOSAL, Stage.LOST);
        // L4: the last half hour of the period; never contacted, no opportunity.
        Customer l4 = t.lead(rep, "L4", "2024-03-31T23:30", Channel.OA_QR, qr);
        t.event(l4, EventType.PAGE_VIEW, "2024-04-01T08:00");
        // Not leads of March: a merged duplicate, a customer without a channel, one created on the first instant of April.
        t.customer(rep, "merged", "2024-03-15T10:00", Channel.OA_QR, qr, CustomerStatus.MERGED);
        Customer manual = t.customer(rep, "manual", "2024-03-16T10:00", null, null, CustomerStatus.ACTIVE);
        t.lead(rep, "april", "2024-04-01T00:00", Channel.OA_QR, qr);
        // An opportunity of March on a customer that is not a lead, without stage history (its stage is the fallback).
        t.opportunityWithHistory(manual, rep, "2024-03-18T10:00", "10000", 0.2, false, Stage.QUALIFIED);

        // ---- leads of the previous period ----
        Customer l7 = t.lead(rep, "L7", "2024-02-29T23:59", Channel.WEB_FORM, null);
        t.event(l7, EventType.CALL, "2024-03-01T00:59");
        t.opportunity(l7, rep, "2024-02-20T10:00", "30000", null, Stage.INITIAL, Stage.WON);
        Customer l8 = t.lead(rep, "L8", "2024-02-10T10:00", Channel.IMPORT, null);
        t.event(l8, EventType.CALL, "2024-02-12T10:00");

        // ---- tasks ----
        t.task(l1, rep, "2024-03-05T18:00", TaskStatus.DONE, "2024-03-05T17:00");
        t.task(l1, rep, "2024-03-12T18:00", TaskStatus.DONE, "2024-03-13T09:00");
        t.task(l2, rep, "2024-03-25T18:00", TaskStatus.OPEN, null);
        t.task(l2, rep, "2024-03-28T18:00", TaskStatus.CANCELLED, null);
        t.task(l3, rep, "2024-03-31T18:00", TaskStatus.DONE, "2024-03-31T18:00");
        t.task(l3, rep, "2024-04-01T10:00", TaskStatus.OPEN, null);
        t.task(l7, rep, "2024-02-20T18:00", TaskStatus.DONE, "2024-02-20T10:00");

        // ---- recommended actions ----
        t.action(l1, rep, 60, ActionStatus.CONFIRMED, "2024-03-02T09:00", "2024-03-03T09:00", null);
        t.action(l1, rep, 80, ActionStatus.EXECUTED, "2024-03-02T09:00", "2024-03-04T09:00", null);
        t.action(l2, rep, 80, ActionStatus.DISMISSED, "2024-03-02T09:00", "2024-03-06T09:00", "客户已成交");
        t.action(l2, rep, 80, ActionStatus.DISMISSED, "2024-03-02T09:00", "2024-03-07T09:00", "时机不合适");
        t.action(l3, rep, 80, ActionStatus.DISMISSED, "2024-03-02T09:00", "2024-03-08T09:00", "时机不合适");
        t.action(l3, rep, 80, ActionStatus.SUPERSEDED, "2024-03-02T09:00", "2024-03-09T09:00", null);
        t.action(l4, rep, 90, ActionStatus.PROPOSED, "2024-03-10T09:00", null, null);
        t.action(l4, rep, 72, ActionStatus.CONFIRMED, "2024-03-11T09:00", "2024-03-20T09:00", null);
        t.action(l7, rep, 80, ActionStatus.CONFIRMED, "2024-02-14T09:00", "2024-02-15T09:00", null);

        // ---- another rep's March: must not leak into the filtered figures ----
        Customer other = t.lead(otherRep, "O1", "2024-03-05T10:00", Channel.OA_QR, qr);
        t.event(other, EventType.CALL, "2024-03-05T10:05");
        t.opportunity(other, otherRep, "2024-03-05T11:00", "999999", 0.9, Stage.INITIAL, Stage.WON);
        t.task(other, otherRep, "2024-03-05T18:00", TaskStatus.OPEN, null);
        t.action(other, otherRep, 99, ActionStatus.DISMISSED, "2024-03-02T09:00", "2024-03-06T09:00", "不相关");
    }

    private JsonPath get(String path) {
        return get(path, MARCH, rep);
    }

    private JsonPath get(String path, String period, Employee who) {
        return given().header("Authorization", fixtures.bearer(manager))
                .get(path + (path.contains("?") ? "&" : "?") + period + "&rep=" + who.id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> kpi(List<Map<String, Object>> kpis, String key) {
        return kpis.stream().filter(k -> key.equals(k.get("key"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static void assertMeasure(Map<String, Object> kpi, String which, Double value, long numerator, long denominator) {
        Map<String, Object> m = (Map<String, Object>) kpi.get(which);
        if (value == null) {
            assertNull(m.get("value"), kpi.get("key") + " " + which);
        } else {
            assertEquals(value, ((Number) m.get("value")).doubleValue(), EPS, kpi.get("key") + " " + which);
        }
        assertEquals(numerator, ((Number) m.get("numerator")).longValue(), kpi.get("key") + " " + which + " numerator");
        assertEquals(denominator, ((Number) m.get("denominator")).longValue(), kpi.get("key") + " " + which + " denominator");
    }

    @Test
    void kpisMatchTheHandComputedValues() {
        List<Map<String, Object>> kpis = get("/dashboard/api/kpis").getList("$");
        // 4 leads in March (L1..L4): L1, L2, L3 have an opportunity, only L1 won. February: L7 (won), L8.
        assertMeasure(kpi(kpis, "lead-to-won"), "current", 0.25, 1, 4);
        assertMeasure(kpi(kpis, "lead-to-won"), "previous", 0.5, 1, 2);
        assertMeasure(kpi(kpis, "lead-to-opportunity"), "current", 0.75, 3, 4);
        assertMeasure(kpi(kpis, "lead-to-opportunity"), "previous", 0.5, 1, 2);
        // First contacts: L1 2 h, L2 30 h, L3 30 min, L4 never → 2 of 4 within 24 h. February: L7 1 h, L8 48 h.
        assertMeasure(kpi(kpis, "reach-24h"), "current", 0.5, 2, 4);
        assertMeasure(kpi(kpis, "reach-24h"), "previous", 0.5, 1, 2);
        // Median of 1800 s, 7200 s, 108000 s; February: mean of 3600 s and 172800 s.
        assertMeasure(kpi(kpis, "first-contact-median"), "current", 7200.0, 0, 3);
        assertMeasure(kpi(kpis, "first-contact-median"), "previous", 88200.0, 0, 2);
        // Due in March and not cancelled: 4 tasks, on time: the one done an hour early and the one done at the due time.
        assertMeasure(kpi(kpis, "task-completion"), "current", 0.5, 2, 4);
        assertMeasure(kpi(kpis, "task-completion"), "previous", 1.0, 1, 1);
        // Decided in March: 2 confirmed + 1 executed adopted, 3 dismissed; the superseded one counts in neither.
        assertMeasure(kpi(kpis, "ai-adoption"), "current", 0.5, 3, 6);
        assertMeasure(kpi(kpis, "ai-adoption"), "previous", 1.0, 1, 1);
    }

    @Test
    void aMergeKeepsTheEarlierFirstContactAndUndoingItWorksBothOutAgain() {
        // May 2024, a rep of its own: A and B are the same person, arriving through two channels an hour apart.
        String may = "from=2024-05-01&to=2024-06-01";
        Employee third = fixtures.rep("赵磊");
        TeamData t = new TeamData(config.corpId());
        Customer a = t.lead(third, "A", "2024-05-02T09:00", Channel.WEB_FORM, null);
        // stored out of order: the call 30 h after creation is A's first contact, not the message stored before it
        t.event(a, EventType.MESSAGE_SENT, "2024-05-04T09:00");
        t.event(a, EventType.CALL, "2024-05-03T15:00");
        Customer b = t.lead(third, "B", "2024-05-02T10:00", Channel.OA_QR, null);
        t.event(b, EventType.CHAT, "2024-05-02T11:00");
        assertEquals(TeamData.at("2024-05-03T15:00"), firstContact(a));
        assertEquals(TeamData.at("2024-05-02T11:00"), firstContact(b));
        // Two leads: A reached after 30 h, B after 1 h → 1 of 2 in time, median of 3600 s and 108000 s.
        List<Map<String, Object>> kpis = get("/dashboard/api/kpis", may, third).getList("$");
        assertMeasure(kpi(kpis, "reach-24h"), "current", 0.5, 1, 2);
        assertMeasure(kpi(kpis, "first-contact-median"), "current", 55800.0, 0, 2);

        // B merges into A (the older survives): B's chat is now on A's timeline, 2 h after A's creation.
        long mergeId = QuarkusTransaction.requiringNew().call(() -> identity.merge(a.id, b.id, "同一人", "employee:" + manager.id));
        assertEquals(TeamData.at("2024-05-02T11:00"), firstContact(a));
        // A message to A after the merge, later than the chat: the earliest stays.
        t.event(a, EventType.MESSAGE_SENT, "2024-05-02T20:00");
        assertEquals(TeamData.at("2024-05-02T11:00"), firstContact(a));
        kpis = get("/dashboard/api/kpis", may, third).getList("$");
        assertMeasure(kpi(kpis, "lead-to-won"), "current", 0.0, 0, 1);
        assertMeasure(kpi(kpis, "reach-24h"), "current", 1.0, 1, 1);
        assertMeasure(kpi(kpis, "first-contact-median"), "current", 7200.0, 0, 1);

        // Undo: the chat goes back to B; A keeps its own events and the message sent during the merge (11 h after its
        // creation), which is now its first contact: worked out again, not the value from before the merge.
        QuarkusTransaction.requiringNew().run(() -> identity.undoMerge(mergeId, "employee:" + manager.id));
        assertEquals(TeamData.at("2024-05-02T20:00"), firstContact(a));
        assertEquals(TeamData.at("2024-05-02T11:00"), firstContact(b));
        kpis = get("/dashboard/api/kpis", may, third).getList("$");
        assertMeasure(kpi(kpis, "reach-24h"), "current", 1.0, 2, 2);
        assertMeasure(kpi(kpis, "first-contact-median"), "current", 21600.0, 0, 2);
    }

    @Test
    void theFirstContactIsWrittenOnceAndOnlyByAContactAfterCreation() {
        // L2 (hand-made above): the call before its creation did not count, the chat 30 h later did.
        Customer l2 = Customer.<Customer>find("ownerId = ?1 and name = 'L2'", rep.id).firstResult();
        assertEquals(TeamData.at("2024-03-11T15:00"), firstContact(l2));
        // L3: the note 10 min after creation is not a contact; the message at 30 min is.
        Customer l3 = Customer.<Customer>find("ownerId = ?1 and name = 'L3'", rep.id).firstResult();
        assertEquals(TeamData.at("2024-03-20T08:30"), firstContact(l3));
        // Later contacts leave it alone; L4 has only a page view and no first contact.
        new TeamData(config.corpId()).event(l3, EventType.CALL, "2024-03-20T09:00");
        assertEquals(TeamData.at("2024-03-20T08:30"), firstContact(l3));
        Customer l4 = Customer.<Customer>find("ownerId = ?1 and name = 'L4'", rep.id).firstResult();
        assertNull(firstContact(l4));
    }

    private static java.time.Instant firstContact(Customer c) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>findById(c.id).firstContactAt);
    }

    @Test
    void funnelCountsTheFurthestStageReachedAndDistributionTheCurrentStage() {
        JsonPath p = get("/dashboard/api/summary");
        // March opportunities: won (100k), negotiation after skipping qualified (50k), lost at proposal (20k),
        // qualified without history (10k).
        assertEquals(List.of(4, 4, 3, 2, 1), p.getList("pipeline.funnel.count"));
        assertEquals(List.of(180000.0, 180000.0, 170000.0, 150000.0, 100000.0),
                p.<Number>getList("pipeline.funnel.amount").stream().map(Number::doubleValue).toList());
        assertEquals(List.of(0, 1, 0, 1, 1, 1), p.getList("pipeline.distribution.count"));
        // Open now: negotiation at 60 %, qualified at 20 %.
        assertEquals(List.of(0, 1, 0, 1), p.getList("pipeline.winRateByStage.count"));
        assertEquals(0.6, p.getDouble("pipeline.winRateByStage[3].meanWinRate"), EPS);
        assertEquals(30000.0, p.getDouble("pipeline.winRateByStage[3].expectedAmount"), EPS);
        assertEquals(0.2, p.getDouble("pipeline.winRateByStage[1].meanWinRate"), EPS);
        assertEquals(List.of("L2的商机", "manual的商机"), p.getList("pipeline.opportunities.name"));
    }

    @Test
    void channelsShowLeadsConversionAndWonAmountPerCampaign() {
        List<Map<String, Object>> rows = get("/dashboard/api/channels").getList("$");
        assertEquals(3, rows.size());
        Map<String, Object> qr = rows.get(0);
        assertEquals("展会公众号码", qr.get("campaignName"));
        assertEquals(2, qr.get("leads"));
        assertEquals(1, qr.get("withOpportunity"));
        assertEquals(1, qr.get("won"));
        assertEquals(100000.0, ((Number) qr.get("wonAmount")).doubleValue(), EPS);
        Map<String, Object> live = rows.stream().filter(r -> "官网企微活码".equals(r.get("campaignName"))).findFirst().orElseThrow();
        assertEquals(List.of(1, 1, 0), List.of(live.get("leads"), live.get("withOpportunity"), live.get("won")));
        Map<String, Object> form = rows.stream().filter(r -> "WEB_FORM".equals(r.get("channel"))).findFirst().orElseThrow();
        assertEquals(List.of(1, 1, 0), List.of(form.get("leads"), form.get("withOpportunity"), form.get("won")));
    }

    @Test
    void actionsShowTheOpenOnesByPriorityAndTheDismissalReasons() {
        JsonPath p = get("/dashboard/api/actions");
        // Open now: the proposed 90 (high) and the confirmed ones still awaiting execution: 80 from February and 72
        // (medium), 60 (low). Decided, executed, dismissed and superseded actions are closed.
        assertEquals(4, p.getInt("openTotal"));
        assertEquals(1, p.getInt("proposed"));
        assertEquals(3, p.getInt("confirmed"));
        assertEquals(List.of(90, 80, 72, 60), p.getList("open.priority"));
        assertEquals(List.of("待确认", "已确认待执行", "已确认待执行", "已确认待执行"), p.getList("open.statusLabel"));
        assertEquals(List.of(1, 2, 1), List.of(p.getInt("byRep[0].high"), p.getInt("byRep[0].medium"), p.getInt("byRep[0].low")));
        assertEquals(List.of("时机不合适", "客户已成交"), p.getList("dismissReasons.reason"));
        assertEquals(List.of(2, 1), p.getList("dismissReasons.count"));
        assertEquals(2, p.getInt("team.confirmed"));
        assertEquals(1, p.getInt("team.executed"));
        assertEquals(3, p.getInt("team.dismissed"));
    }

    @Test
    void theOpenListTakesTheTopOfBothStatusesInOneOrder() {
        // Read one status at a time (each on its ordered index) and merged: the proposed 90 comes first, then the
        // confirmed 80 from February; the confirmed 72 and 60 are cut by the limit.
        DashboardFilter f = new DashboardFilter(config.corpId(),
                new Period(java.time.LocalDate.parse("2024-03-01"), java.time.LocalDate.parse("2024-04-01"), TeamData.SHANGHAI), rep.id);
        List<Actions.OpenAction> top = actionQueries.open(f, java.time.Instant.now(), 2);
        assertEquals(List.of(90, 80), top.stream().map(Actions.OpenAction::priority).toList());
        assertEquals(List.of("PROPOSED", "CONFIRMED"), top.stream().map(Actions.OpenAction::status).toList());
    }

    @Test
    void theWholeTeamIncludesTheOtherRep() {
        // Without the rep filter the other rep's March lead is counted too: at least 5 leads, 2 of them won.
        List<Map<String, Object>> kpis = given().header("Authorization", fixtures.bearer(manager))
                .get("/dashboard/api/kpis?" + MARCH).then().statusCode(200).extract().jsonPath().getList("$");
        @SuppressWarnings("unchecked")
        Map<String, Object> won = (Map<String, Object>) kpi(kpis, "lead-to-won").get("current");
        assertEquals(true, ((Number) won.get("denominator")).longValue() >= 5);
        assertEquals(true, ((Number) won.get("numerator")).longValue() >= 2);
    }
}
