package com.qingke.timeline;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.identity.CustomerSeed;
import com.qingke.identity.IdentityKey;
import com.qingke.lead.LeadArrival;
import com.qingke.lead.LeadCapture;
import com.qingke.lead.LeadResult;
import com.qingke.platform.QingkeConfig;
import com.qingke.recommendation.FeedbackEvents;
import com.qingke.support.Changelog;
import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * customer.first_contact_at through the app's write paths (a logged call, a message sent from a recommended action,
 * an inbound chat through lead capture), and the migration's backfill of existing rows on MariaDB. Merges and the
 * KPIs that read it: DashboardKpiTest; the demo loader: DemoLoaderTest.
 */
@QuarkusTest
class FirstContactTest {
    @Inject Fixtures fixtures;
    @Inject QingkeConfig config;
    @Inject LeadCapture capture;
    @Inject FeedbackEvents feedback;
    @Inject EntityManager em;

    private static Instant firstContact(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>findById(customerId).firstContactAt);
    }

    private static Instant eventTime(long customerId, EventType type) {
        return QuarkusTransaction.requiringNew().call(() -> BehaviourEvent.<BehaviourEvent>find(
                "customerId = ?1 and type = ?2 order by occurredAt", customerId, type).firstResult().occurredAt);
    }

    private void note(Employee rep, Customer c, String kind) {
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"kind\": \"" + kind + "\", \"text\": \"回访记录\"}").post("/api/customers/" + c.id + "/notes")
                .then().statusCode(201);
    }

    @Test
    void aLoggedCallIsTheFirstContactANoteIsNotAndALaterCallChangesNothing() {
        Employee rep = fixtures.rep("张伟");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("秦川"));
        note(rep, c, "NOTE");
        assertNull(firstContact(c.id), "a note is an internal record, not a contact");
        note(rep, c, "CALL");
        Instant call = eventTime(c.id, EventType.CALL);
        assertEquals(call, firstContact(c.id));
        note(rep, c, "CALL");
        assertEquals(call, firstContact(c.id), "written once: the first call stays the first contact");
    }

    @Test
    void aMessageSentFromARecommendedActionIsAContact() {
        Employee rep = fixtures.rep("王芳");
        Customer c = fixtures.customerOf(rep, Fixtures.unique("卫青"));
        QuarkusTransaction.requiringNew().run(() -> feedback.record(config.corpId(), c.id,
                EventType.MESSAGE_SENT, rep.id, Map.of("text", "您好"), Fixtures.unique("sent")));
        assertEquals(eventTime(c.id, EventType.MESSAGE_SENT), firstContact(c.id));
    }

    @Test
    void anInboundChatOfAKnownFollowerIsAContactOnlyFromTheCustomersCreationOn() {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        LeadResult lead = capture.capture(LeadArrival.lead(config.corpId(), Channel.OA_QR, EventType.SUBSCRIBE)
                .key(IdentityKey.openid(openid)).seed(CustomerSeed.named("陈晨")).build());
        Customer created = QuarkusTransaction.requiringNew().call(() -> Customer.findById(lead.customerId()));
        assertNull(created.firstContactAt, "subscribing is not a contact");

        // a chat stamped before the customer existed (a late callback of an earlier conversation) does not count
        capture.capture(LeadArrival.activityOfKnown(config.corpId(), Channel.OA_QR, EventType.CHAT)
                .key(IdentityKey.openid(openid)).at(created.createdAt.minusSeconds(60)).build());
        assertNull(firstContact(created.id));
        Instant chat = created.createdAt.plusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
        capture.capture(LeadArrival.activityOfKnown(config.corpId(), Channel.OA_QR, EventType.CHAT)
                .key(IdentityKey.openid(openid)).at(chat).build());
        assertEquals(chat, firstContact(created.id));
        // a chat arriving late but stamped earlier than the known first contact wins
        Instant earlier = created.createdAt.plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        capture.capture(LeadArrival.activityOfKnown(config.corpId(), Channel.OA_QR, EventType.CHAT)
                .key(IdentityKey.openid(openid)).at(earlier).build());
        assertEquals(earlier, firstContact(created.id));
    }

    @Test
    void theMigrationBackfillsExistingCustomersByTheSameRule() {
        Employee rep = fixtures.rep("李娜");
        Instant created = Instant.parse("2024-03-05T02:00:00Z");
        // Rows as they were before the column existed: events stored without noting a first contact.
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            Customer contacted = raw(rep, "contacted", created);
            event(contacted, EventType.CALL, created.minusSeconds(3600));      // before creation: no
            event(contacted, EventType.NOTE, created.plusSeconds(60));         // a note: no
            event(contacted, EventType.MESSAGE_SENT, created.plusSeconds(7200));
            event(contacted, EventType.CHAT, created.plusSeconds(1800));       // the earliest contact after creation
            Customer atCreation = raw(rep, "at-creation", created);
            event(atCreation, EventType.CALL, created);                       // at the very instant counts
            Customer never = raw(rep, "never", created);
            event(never, EventType.PAGE_VIEW, created.plusSeconds(60));
            return new long[] {contacted.id, atCreation.id, never.id};
        });
        assertNull(firstContact(ids[0]));

        String backfill = Changelog.sql("070-first-contact.xml", "070-customer-first-contact");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(backfill + " WHERE customer.id IN (:ids)")
                .setParameter("ids", List.of(ids[0], ids[1], ids[2])).executeUpdate());
        assertEquals(created.plusSeconds(1800), firstContact(ids[0]));
        assertEquals(created, firstContact(ids[1]));
        assertNull(firstContact(ids[2]));
    }

    private Customer raw(Employee owner, String name, Instant created) {
        Customer c = new Customer();
        c.corpId = config.corpId();
        c.name = Fixtures.unique(name);
        c.ownerId = owner.id;
        c.sourceChannel = Channel.WEB_FORM;
        c.createdAt = created;
        c.updatedAt = created;
        c.persist();
        return c;
    }

    private void event(Customer c, EventType type, Instant at) {
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = c.corpId;
        e.customerId = c.id;
        e.type = type;
        e.occurredAt = at;
        e.persist(); // not record(): the rows predate first_contact_at
    }
}
