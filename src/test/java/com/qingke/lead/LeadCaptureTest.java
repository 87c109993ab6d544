package com.qingke.lead;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.identity.CustomerSeed;
import com.qingke.identity.IdentityKey;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.inbox.OutboxEvent;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.platform.QingkeConfig;
import com.qingke.support.Fixtures;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class LeadCaptureTest {
    @Inject LeadCapture capture;
    @Inject Fixtures fixtures;
    @Inject QingkeConfig config;

    static String uid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static String phone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    @Test
    void oaScanThenWecomAddThenFormIsOneCustomerWithOneTimeline() {
        Employee rep = fixtures.rep("张伟");
        String openid = uid("o"), unionid = uid("u"), external = uid("wm"), phone = phone();

        LeadResult scan = capture.capture(LeadArrival.lead(config.corpId(), Channel.OA_QR, EventType.SCAN)
                .key(IdentityKey.openid(openid)).key(IdentityKey.unionid(unionid))
                .seed(CustomerSeed.named(CustomerSeed.placeholderName(openid)))
                .idempotencyKey(uid("oa:")).build());
        LeadResult added = capture.capture(LeadArrival.lead(config.corpId(), Channel.WECOM_QR, EventType.ADDED_WECOM)
                .key(IdentityKey.externalUserId(external)).key(IdentityKey.unionid(unionid)).key(IdentityKey.phone(phone))
                .seed(CustomerSeed.named("王小明")).channelRep(rep.id)
                .idempotencyKey(uid("wecom:")).build());
        LeadResult form = capture.capture(LeadArrival.lead(config.corpId(), Channel.WEB_FORM, EventType.FORM_SUBMITTED)
                .key(IdentityKey.phone(phone))
                .seed(new CustomerSeed("王小明", phone, "无锡精工", null, null, null, List.of(), null, null))
                .meta("need", "想了解报价").idempotencyKey(uid("form:")).build());

        assertTrue(scan.newCustomer());
        assertFalse(added.newCustomer());
        assertFalse(form.newCustomer());
        assertEquals(scan.customerId(), added.customerId());
        assertEquals(scan.customerId(), form.customerId());
        long id = scan.customerId();

        QuarkusTransaction.requiringNew().run(() -> {
            Set<IdentityKind> kinds = IdentityLink.<IdentityLink>list("customerId", id).stream().map(l -> l.kind).collect(Collectors.toSet());
            assertEquals(Set.of(IdentityKind.OPENID, IdentityKind.UNIONID, IdentityKind.EXTERNAL_USERID, IdentityKind.PHONE), kinds);
            List<BehaviourEvent> timeline = BehaviourEvent.list("customerId = ?1 order by id", id);
            assertEquals(List.of(EventType.SCAN, EventType.ADDED_WECOM, EventType.FORM_SUBMITTED), timeline.stream().map(e -> e.type).toList());
            assertEquals(1, Opportunity.count("customerId = ?1", id), "one open opportunity per lead, not one per channel");
            Customer c = Customer.findById(id);
            assertEquals("王小明", c.name, "a real name replaces the generated one");
            assertEquals("无锡精工", c.company);
            assertEquals(phone, c.phone);
            assertEquals(Channel.OA_QR, c.sourceChannel, "attribution is first touch");
            assertEquals(1, CustomerFollower.count("customerId = ?1 and employeeId = ?2", id, rep.id));
        });
    }

    @Test
    void aNewLeadGetsAnOpportunityAtTheFirstStageWithHistoryAScoreAndAnAnalysisRequest() {
        String phone = phone();
        LeadResult r = capture.capture(LeadArrival.lead(config.corpId(), Channel.WEB_FORM, EventType.FORM_SUBMITTED)
                .key(IdentityKey.phone(phone)).seed(new CustomerSeed("赵敏", phone, "苏州新材", null, null, null, List.of(), null, null))
                .meta("need", "100台设备的报价").idempotencyKey(uid("form:")).build());
        QuarkusTransaction.requiringNew().run(() -> {
            Opportunity o = Opportunity.findById(r.opportunityId());
            assertEquals(Stage.INITIAL, o.stage);
            assertEquals(r.customerId(), o.customerId);
            assertEquals(Channel.WEB_FORM, o.channel);
            List<StageChange> history = StageChange.list("opportunityId", o.id);
            assertEquals(1, history.size());
            assertNull(history.get(0).fromStage);
            assertEquals(Stage.INITIAL, history.get(0).toStage);
            Customer c = Customer.findById(r.customerId());
            assertEquals(40 + 10 + 15, c.intentScore, 0.001, "form + company + need");
            assertEquals("A", c.intentGrade);
            assertEquals(c.intentScore, o.intentScore);
            assertFalse(c.intentReasons.isEmpty());
            assertEquals(1, OutboxEvent.count("aggregateId = ?1 and topic = ?2", c.id, com.qingke.scoring.AnalysisRequests.TOPIC));
        });
    }

    @Test
    void theSameEventDeliveredTwiceIsRecordedOnce() {
        String openid = uid("o");
        String key = uid("oa:");
        LeadArrival arrival = LeadArrival.lead(config.corpId(), Channel.OA_QR, EventType.SUBSCRIBE)
                .key(IdentityKey.openid(openid)).idempotencyKey(key).build();
        LeadResult first = capture.capture(arrival);
        LeadResult second = capture.capture(arrival);
        assertFalse(first.duplicate());
        assertTrue(second.duplicate());
        assertEquals(first.customerId(), second.customerId());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> BehaviourEvent.count("customerId", first.customerId())));
    }

    @Test
    void activityOfAnUnknownPersonIsIgnoredAndOfAKnownOneLandsOnTheTimeline() {
        String openid = uid("o");
        LeadResult unknown = capture.capture(LeadArrival.activityOfKnown(config.corpId(), Channel.OA_QR, EventType.UNSUBSCRIBE)
                .key(IdentityKey.openid(openid)).build());
        assertFalse(unknown.matched());
        LeadResult lead = capture.capture(LeadArrival.lead(config.corpId(), Channel.OA_QR, EventType.SUBSCRIBE)
                .key(IdentityKey.openid(openid)).build());
        LeadResult click = capture.capture(LeadArrival.activityOfKnown(config.corpId(), Channel.OA_QR, EventType.MENU_CLICK)
                .key(IdentityKey.openid(openid)).meta("eventKey", "PRICE").build());
        assertEquals(lead.customerId(), click.customerId());
        assertNull(click.opportunityId());
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> BehaviourEvent.count("customerId", lead.customerId())));
    }

    @Test
    void theChannelsRepOwnsTheLeadAndFollowsIt() {
        Employee rep = fixtures.rep("李娜");
        LeadResult r = capture.capture(LeadArrival.lead(config.corpId(), Channel.WECOM_QR, EventType.ADDED_WECOM)
                .key(IdentityKey.externalUserId(uid("wm"))).channelRep(rep.id).seed(CustomerSeed.named("钱多多")).build());
        assertEquals(rep.id, r.ownerId());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(rep.id, ((Customer) Customer.findById(r.customerId())).ownerId);
            assertEquals(rep.id, ((Opportunity) Opportunity.findById(r.opportunityId())).ownerId);
            assertEquals(CustomerStatus.ACTIVE, ((Customer) Customer.findById(r.customerId())).status);
        });
    }
}
