package com.qingke.recommendation;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.material.Material;
import com.qingke.material.MaterialKind;
import com.qingke.material.TrackedLink;
import com.qingke.platform.AuditEntry;
import com.qingke.recommendation.rules.DraftRenderer;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.task.CrmTask;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class ActionLifecycleTest {
    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject WeComFixtures wecom;
    @Inject FakeWeComState weComState;

    private Employee rep;
    private Customer customer;

    private void repWithCustomer() {
        rep = fixtures.rep("张伟");
        customer = fixtures.customerOf(rep, "周宁");
    }

    private ValidatableResponse post(Employee who, String path, String body) {
        var request = given().header("Authorization", fixtures.bearer(who)).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path).then();
    }

    private RecommendedAction messageWithMaterial() {
        Material m = data.material(customer.corpId, MaterialKind.CASE_STUDY, "测试案例-" + customer.id);
        return data.action(customer, ActionKind.MESSAGE, a -> {
            a.materialId = m.id;
            a.draftText = "周宁您好，给您参考《测试案例》：" + DraftRenderer.LINK_PLACEHOLDER;
            a.taskTitle = "回访：了解客户对案例的看法";
            a.taskDueDays = 3;
        });
    }

    private long events(EventType type) {
        return data.count(BehaviourEvent.class, "customerId = ?1 and type = ?2", customer.id, type);
    }

    @Test
    void listsTheCustomersOpenActionsByPriority() {
        repWithCustomer();
        data.action(customer, ActionKind.ALERT, a -> a.priority = 40);
        data.action(customer, ActionKind.TASK, a -> a.priority = 90);
        data.action(customer, ActionKind.MESSAGE, a -> a.status = ActionStatus.SUPERSEDED);

        given().header("Authorization", fixtures.bearer(rep)).get("/api/customers/" + customer.id + "/actions")
                .then().statusCode(200).body("priority", contains(90, 40)).body("status", everyItem(is("PROPOSED")));
        given().header("Authorization", fixtures.bearer(rep)).get("/api/customers/" + customer.id + "/actions?all=true")
                .then().statusCode(200).body("size()", is(3));
        given().header("Authorization", fixtures.bearer(rep)).get("/api/actions")
                .then().statusCode(200).body("customerId", hasItem(customer.id.intValue()));
    }

    @Test
    void confirmingAMessageReturnsTheFinalTextWithAFreshTrackedLinkAndReportingItSentExecutesItOnce() {
        repWithCustomer();
        RecommendedAction a = messageWithMaterial();

        String url = post(rep, "/api/actions/" + a.id + "/confirm", "{}")
                .statusCode(200)
                .body("action.status", is("CONFIRMED"))
                .body("link.url", startsWith("http"))
                .body("link.url", containsString("/t/"))
                .body("link.title", is("测试案例-" + customer.id))
                .body("task", nullValue())
                .extract().path("link.url");
        RecommendedAction confirmed = data.reload(RecommendedAction.class, a.id);
        assertThat(confirmed.finalText).isEqualTo("周宁您好，给您参考《测试案例》：" + url);
        assertThat(confirmed.decidedBy).isEqualTo(rep.id);
        assertThat(data.count(TrackedLink.class, "actionId = ?1 and customerId = ?2", a.id, customer.id)).isEqualTo(1);
        assertThat(events(EventType.ACTION_CONFIRMED)).isEqualTo(1);

        // a double click confirms nothing twice and gives the same link back
        post(rep, "/api/actions/" + a.id + "/confirm", "{}").statusCode(200).body("link.url", is(url));
        assertThat(data.count(TrackedLink.class, "actionId = ?1", a.id)).isEqualTo(1);

        post(rep, "/api/actions/" + a.id + "/executed", "{\"channel\": \"CHAT\"}")
                .statusCode(200).body("status", is("EXECUTED")).body("executionResult", containsString("聊天"));
        post(rep, "/api/actions/" + a.id + "/executed", "{}").statusCode(200).body("status", is("EXECUTED"));

        assertThat(events(EventType.MESSAGE_SENT)).isEqualTo(1);
        RecommendedAction executed = data.reload(RecommendedAction.class, a.id);
        assertThat(executed.openKey).isNull();
        assertThat(executed.taskId).isNotNull();
        CrmTask reminder = data.reload(CrmTask.class, executed.taskId);
        assertThat(reminder.title).isEqualTo("回访：了解客户对案例的看法");
        assertThat(reminder.status).isEqualTo(TaskStatus.OPEN);
        assertThat(reminder.source).isEqualTo(CrmTask.Source.ACTION);
        assertThat(reminder.dueAt).isAfter(executed.executedAt.plusSeconds(3 * 86400 - 60));
        assertThat(data.count(AuditEntry.class, "entityType = 'recommended_action' and entityId = ?1 and action in ('ACTION_CONFIRMED', 'ACTION_EXECUTED')", a.id))
                .isEqualTo(2);
    }

    @Test
    void theRepsEditedTextIsWhatGetsSentAndAudited() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.MESSAGE, x -> x.draftText = "原始草稿");

        post(rep, "/api/actions/" + a.id + "/confirm", "{\"text\": \"周总好，我改了一下措辞。\"}")
                .statusCode(200).body("finalText", is("周总好，我改了一下措辞。")).body("link", nullValue());

        AuditEntry audit = data.reload(AuditEntry.class, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                AuditEntry.<AuditEntry>find("entityType = 'recommended_action' and entityId = ?1 and action = 'ACTION_CONFIRMED'", a.id)
                        .firstResult().id));
        assertThat(audit.actor).isEqualTo("employee:" + rep.id);
        assertThat(audit.detail).containsEntry("finalText", "周总好，我改了一下措辞。").containsEntry("edited", true);
    }

    @Test
    void confirmingATaskCreatesTheCrmTaskAndExecutesTheAction() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.TASK, x -> {
            x.title = "约客户开推进会";
            x.taskTitle = "与客户确认下一步计划";
            x.taskDueDays = 2;
        });

        post(rep, "/api/actions/" + a.id + "/confirm", "{\"taskTitle\": \"周五前约周宁开推进会\"}")
                .statusCode(200)
                .body("action.status", is("EXECUTED"))
                .body("task.title", is("周五前约周宁开推进会"))
                .body("task.status", is("OPEN"))
                .body("task.actionId", is(a.id.intValue()))
                .body("task.assigneeId", is(rep.id.intValue()));

        assertThat(data.count(CrmTask.class, "actionId = ?1", a.id)).isEqualTo(1);
        post(rep, "/api/actions/" + a.id + "/dismiss", "{\"reason\": \"不需要\"}")
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("已执行"));
    }

    @Test
    void confirmingAnAlertAcknowledgesItAndCreatesItsFollowUpTask() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.ALERT, x -> {
            x.title = "回款逾期12天";
            x.taskTitle = "与客户沟通回款安排";
            x.taskDueDays = 1;
        });

        post(rep, "/api/actions/" + a.id + "/confirm", null)
                .statusCode(200).body("action.status", is("EXECUTED")).body("action.executionResult", startsWith("已知悉"))
                .body("task.title", is("与客户沟通回款安排"));
    }

    @Test
    void aDismissedActionCannotBeExecutedOrConfirmed() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.MESSAGE, x -> x.draftText = "草稿");

        post(rep, "/api/actions/" + a.id + "/dismiss", "{\"reason\": \"客户已明确暂不考虑\"}")
                .statusCode(200).body("status", is("DISMISSED")).body("dismissReason", is("客户已明确暂不考虑"));
        assertThat(data.reload(RecommendedAction.class, a.id).openKey).isNull();
        assertThat(events(EventType.ACTION_DISMISSED)).isEqualTo(1);

        post(rep, "/api/actions/" + a.id + "/executed", "{}")
                .statusCode(409).contentType("application/problem+json")
                .body("title", is("状态冲突"))
                .body("detail", is("该推荐动作已被忽略（原因：客户已明确暂不考虑），不能再执行"));
        post(rep, "/api/actions/" + a.id + "/confirm", "{}")
                .statusCode(409).body("detail", containsString("已被忽略"));
        post(rep, "/api/actions/" + a.id + "/dismiss", "{\"reason\": \"再次\"}").statusCode(409);
        assertThat(data.reload(RecommendedAction.class, a.id).status).isEqualTo(ActionStatus.DISMISSED);
        assertThat(events(EventType.MESSAGE_SENT)).isZero();
    }

    @Test
    void aProposedMessageCannotBeReportedSentBeforeConfirmation() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.MESSAGE, x -> x.draftText = "草稿");

        post(rep, "/api/actions/" + a.id + "/executed", "{}")
                .statusCode(409).body("detail", is("该推荐动作尚未确认，请先确认后再执行"));
    }

    @Test
    void aSupersededActionCannotBeConfirmed() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.TASK, x -> x.status = ActionStatus.SUPERSEDED);

        post(rep, "/api/actions/" + a.id + "/confirm", "{}")
                .statusCode(409).body("detail", containsString("已被新的分析结果取代"));
    }

    @Test
    void dismissingNeedsAReason() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.MESSAGE, x -> { });

        post(rep, "/api/actions/" + a.id + "/dismiss", "{\"reason\": \"  \"}")
                .statusCode(400).contentType("application/problem+json").body("violations.message", hasItem("请填写忽略原因"));
        post(rep, "/api/actions/" + a.id + "/dismiss", null).statusCode(400);
        assertThat(data.reload(RecommendedAction.class, a.id).status).isEqualTo(ActionStatus.PROPOSED);
    }

    @Test
    void aFailedSendKeepsTheActionConfirmedForAnotherTry() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.MESSAGE, x -> x.draftText = "草稿");
        post(rep, "/api/actions/" + a.id + "/confirm", "{}").statusCode(200);

        post(rep, "/api/actions/" + a.id + "/executed", "{\"failed\": true, \"detail\": \"用户取消发送\"}")
                .statusCode(200).body("status", is("CONFIRMED")).body("executionResult", is("发送失败：用户取消发送"));
        post(rep, "/api/actions/" + a.id + "/executed", null).statusCode(200).body("status", is("EXECUTED"));
    }

    @Test
    void aConfirmedMessageCanGoOutAsAWeComGroupSendWithTheTrackedLinkCard() {
        rep = wecom.rep("张伟");
        FakeWeComState.Contact contact = wecom.contactOf(rep.wecomUserId, "周宁");
        customer = fixtures.customerOf(rep, "周宁");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            IdentityLink link = new IdentityLink();
            link.corpId = customer.corpId;
            link.customerId = customer.id;
            link.kind = IdentityKind.EXTERNAL_USERID;
            link.value = contact.externalUserId;
            link.persist();
        });
        RecommendedAction a = messageWithMaterial();
        String url = post(rep, "/api/actions/" + a.id + "/confirm", "{}").statusCode(200).extract().path("link.url");
        int before = weComState.templates().size();

        groupSend(a).statusCode(200).body("status", is("EXECUTED")).body("executionResult", containsString("群发"));

        FakeWeComState.MsgTemplate sent = weComState.templates().get(before);
        assertThat(sent.sender()).isEqualTo(rep.wecomUserId);
        assertThat(sent.externalUserIds()).containsExactly(contact.externalUserId);
        assertThat(sent.text()).contains(url);
        assertThat(sent.attachmentsJson()).contains(url);
        assertThat(events(EventType.MESSAGE_SENT)).isEqualTo(1);
        groupSend(a).statusCode(200);
        assertThat(weComState.templates()).hasSize(before + 1);
    }

    @Test
    void groupSendToACustomerWithoutAWeComContactIsRefusedAndTheActionStaysConfirmed() {
        repWithCustomer();
        RecommendedAction a = data.action(customer, ActionKind.MESSAGE, x -> x.draftText = "草稿");
        post(rep, "/api/actions/" + a.id + "/confirm", "{}").statusCode(200);

        groupSend(a).statusCode(409).body("detail", containsString("企业微信联系人"));
        assertThat(data.reload(RecommendedAction.class, a.id).status).isEqualTo(ActionStatus.CONFIRMED);
    }

    private ValidatableResponse groupSend(RecommendedAction a) {
        return given().header("Authorization", fixtures.bearer(rep)).post("/api/actions/" + a.id + "/group-send").then();
    }

    @Test
    void aRepCannotSeeOrActOnAnotherRepsCustomerButTheManagerCan() {
        repWithCustomer();
        Employee other = fixtures.rep("陈杰");
        RecommendedAction a = data.action(customer, ActionKind.MESSAGE, x -> x.draftText = "草稿");

        given().header("Authorization", fixtures.bearer(other)).get("/api/customers/" + customer.id + "/actions").then().statusCode(403);
        post(other, "/api/actions/" + a.id + "/confirm", "{}").statusCode(403).contentType("application/problem+json");
        post(other, "/api/actions/" + a.id + "/dismiss", "{\"reason\": \"试试\"}").statusCode(403);
        assertThat(data.reload(RecommendedAction.class, a.id).status).isEqualTo(ActionStatus.PROPOSED);

        post(fixtures.manager("刘洋"), "/api/actions/" + a.id + "/dismiss", "{\"reason\": \"重复\"}").statusCode(200);
    }

    @Test
    void withoutASessionItIs401AndAnUnknownActionIs404() {
        repWithCustomer();
        given().contentType("application/json").body("{}").post("/api/actions/1/confirm").then().statusCode(401);
        post(rep, "/api/actions/" + Long.MAX_VALUE + "/confirm", "{}").statusCode(404);
    }
}
