package com.qingke.lead;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.OutboxEvent;
import com.qingke.inbox.OutboxWorker;
import com.qingke.platform.AuditEntry;
import com.qingke.platform.QingkeConfig;
import com.qingke.support.Fixtures;
import com.qingke.wecom.WeComFixtures;
import com.qingke.wecom.WeComGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/** The owner of a new lead hears of it through a WeCom app message, sent from the outbox so it is not lost. */
@QuarkusTest
class LeadNotificationTest {
    static final String MESSAGE_SEND = "/cgi-bin/message/send";

    @Inject WeComFixtures people;
    @Inject Fixtures fixtures;
    @Inject FakeWeComState corp;
    @Inject OutboxWorker outbox;
    @Inject WeComGateway wecom;
    @Inject QingkeConfig config;

    private String formCampaignOwnedBy(Employee owner) {
        String code = "f" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Campaign c = new Campaign();
            c.corpId = config.corpId();
            c.code = code;
            c.name = "官网询价";
            c.channel = Channel.WEB_FORM;
            c.ownerId = owner.id;
            c.persist();
        });
        return code;
    }

    private long submitForm(String name, String campaign) {
        String phone = LeadCaptureTest.phone();
        LeadFormPageTest.visitor(LeadFormPageTest.newIp()).formParam("name", name).formParam("phone", phone)
                .formParam("company", "常州恒力").formParam("consent", "yes").formParam("channel", campaign)
                .formParam("submission", UUID.randomUUID().toString())
                .post("/lead-form").then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>find("phone", phone).firstResult().id);
    }

    private static OutboxEvent notification(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("topic = ?1 and aggregateId = ?2",
                LeadNotifier.TOPIC, customerId).singleResult());
    }

    /**
     * The scheduled outbox poller runs beside the test and may hold the row (SKIP LOCKED) when drain() looks, so wait,
     * bounded, until some worker has made the first attempt.
     */
    private OutboxEvent firstAttemptMade(long customerId) {
        OutboxEvent event = notification(customerId);
        for (int i = 0; i < 300 && event.attempts == 0; i++) {
            outbox.drain();
            event = notification(customerId);
            if (event.attempts == 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return event;
    }

    private List<FakeWeComState.AppMessage> messagesTo(String userId, String text) {
        return corp.appMessages().stream().filter(m -> m.toUsers().contains(userId) && m.content().contains(text)).toList();
    }

    @Test
    void theOwnerIsToldOnceEvenWhenWeComIsDownAtTheMomentTheLeadArrives() {
        Employee rep = people.rep("王芳");
        String name = "吕" + UUID.randomUUID().toString().substring(0, 4);
        corp.setDown(MESSAGE_SEND, true);
        long customerId;
        try {
            customerId = submitForm(name, formCampaignOwnedBy(rep));
            OutboxEvent waiting = firstAttemptMade(customerId);
            assertEquals(InboxStatus.PENDING, waiting.status, "kept for a retry, not dropped");
            assertTrue(waiting.attempts >= 1);
            assertTrue(waiting.lastError.contains("-1"), waiting.lastError);
            assertTrue(messagesTo(rep.wecomUserId, name).isEmpty());
        } finally {
            corp.setDown(MESSAGE_SEND, false);
        }
        people.drainOutbox(customerId);
        assertEquals(InboxStatus.DONE, notification(customerId).status);
        List<FakeWeComState.AppMessage> sent = messagesTo(rep.wecomUserId, name);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).content().contains("新线索") && sent.get(0).content().contains("官网询价"), sent.get(0).content());
        outbox.drain();
        assertEquals(1, messagesTo(rep.wecomUserId, name).size(), "sent once");
    }

    @Test
    void aResentMessageIsNotShownTwiceBecauseWeComChecksForDuplicates() {
        Employee rep = people.rep("李娜");
        String text = "【轻客】重复检查 " + UUID.randomUUID();
        assertEquals(List.of(), wecom.sendAppText(List.of(rep.wecomUserId), text));
        assertEquals(List.of(), wecom.sendAppText(List.of(rep.wecomUserId), text), "as a retry after a lost answer would");
        assertEquals(1, messagesTo(rep.wecomUserId, text).size());
    }

    @Test
    void anOwnerWeComCannotReachIsNotRetriedButAudited() {
        Employee stranger = fixtures.rep("离职销售"); // in Qingke, not in the WeCom directory
        long customerId = submitForm("邹" + UUID.randomUUID().toString().substring(0, 4), formCampaignOwnedBy(stranger));
        people.drainOutbox(customerId);
        OutboxEvent row = notification(customerId);
        assertEquals(InboxStatus.DONE, row.status);
        assertEquals(1, row.attempts);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and entityId = ?2",
                "LEAD_NOTIFICATION_UNDELIVERED", customerId)));
    }
}
