package com.qingke.wecom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.identity.MergeSuggestion;
import com.qingke.inbox.OutboxEvent;
import com.qingke.lead.LeadNotifier;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.platform.AuditEntry;
import com.qingke.platform.QingkeConfig;
import com.qingke.support.Fixtures;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A contact added through a WeCom channel QR is a lead like one from the official account or the form: the same
 * pipeline (LeadCapture) resolves the identity, assigns the owner, opens the opportunity, scores it and tells the owner.
 */
@QuarkusTest
class WeComLeadCaptureTest {
    @Inject FakeWeComCallbacks wecomSide;
    @Inject FakeWeComState corp;
    @Inject WeComFixtures people;
    @Inject Fixtures fixtures;
    @Inject QingkeConfig qingke;
    @Inject ObjectMapper json;

    private Campaign campaign(Long ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.corpId = qingke.corpId();
            c.code = Fixtures.unique("cw").substring(0, 11);
            c.name = "展会活码";
            c.channel = Channel.WECOM_QR;
            c.ownerId = ownerId;
            c.persist();
            return c;
        });
    }

    static String externalUserId(EncryptedCallback cb) {
        return cb.plainXml().replaceAll(".*<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>.*", "$1");
    }

    private static Customer customerOf(String externalUserId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IdentityLink link = IdentityLink.find("kind = ?1 and value = ?2", IdentityKind.EXTERNAL_USERID, externalUserId).firstResult();
            return link == null ? null : Customer.<Customer>findById(link.customerId);
        });
    }

    private void deliver(EncryptedCallback cb) {
        assertEquals(200, wecomSide.deliver(cb).status());
        people.processInbox();
    }

    private static String phone() {
        return "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    @Test
    void aContactAddedThroughAChannelQrGetsTheOpportunityTheFirstScoreAndTheOwnersMessage() throws Exception {
        Employee rep = people.rep("张伟");
        Campaign campaign = campaign(rep.id);
        EncryptedCallback cb = wecomSide.customerAddsRep(rep.wecomUserId, campaign.code);
        String ext = externalUserId(cb);
        deliver(cb);

        Customer c = customerOf(ext);
        assertEquals(Channel.WECOM_QR, c.sourceChannel);
        assertEquals(campaign.id, c.campaignId);
        assertEquals(rep.id, c.ownerId);
        // the first score through the normal path: WeCom 35 + campaign 10 + company 10 (the fake contacts have one)
        assertEquals(55.0, c.intentScore, 0.001);
        assertEquals("B", c.intentGrade);
        assertTrue(c.intentReasons.containsAll(List.of("主动添加销售企业微信", "来自营销活动渠道")), c.intentReasons.toString());
        QuarkusTransaction.requiringNew().run(() -> {
            Opportunity o = Opportunity.find("customerId", c.id).singleResult();
            assertEquals(Stage.INITIAL, o.stage);
            assertEquals(campaign.id, o.campaignId);
            assertEquals(Channel.WECOM_QR, o.channel);
            assertEquals(55.0, o.intentScore, 0.001);
            assertEquals(1, StageChange.count("opportunityId", o.id));
            BehaviourEvent added = BehaviourEvent.find("customerId = ?1 and type = ?2", c.id, EventType.ADDED_WECOM).singleResult();
            assertEquals(campaign.code, added.metadata.get("campaignCode"));
            assertEquals(rep.id, added.employeeId);
            assertEquals(1, AuditEntry.count("action = ?1 and entityId = ?2", "LEAD_CAPTURED", c.id));
        });
        OutboxEvent message = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("topic = ?1 and aggregateId = ?2",
                LeadNotifier.TOPIC, c.id).singleResult());
        assertEquals(rep.wecomUserId, json.readTree(message.payload).get("to").asText());
        people.drainOutbox(c.id);
        assertEquals(1, corp.appMessages().stream().filter(m -> m.toUsers().contains(rep.wecomUserId)
                && m.content().contains(c.name) && m.content().contains("展会活码")).count());
    }

    @Test
    void thePhoneTheRepNotedJoinsTheContactToTheFormLeadWithThatPhone() {
        Employee rep = people.rep("王芳");
        String phone = phone();
        long formLead = QuarkusTransaction.requiringNew().call(() -> {
            Customer c = new Customer();
            c.corpId = qingke.corpId();
            c.name = "表单客户";
            c.phone = phone;
            c.sourceChannel = Channel.WEB_FORM;
            c.persist();
            IdentityLink l = new IdentityLink();
            l.corpId = c.corpId;
            l.customerId = c.id;
            l.kind = IdentityKind.PHONE;
            l.value = phone;
            l.persist();
            return c.id;
        });
        EncryptedCallback cb = wecomSide.customerAddsRep(rep.wecomUserId, null);
        String ext = externalUserId(cb);
        corp.contact(ext).orElseThrow().follows.get(rep.wecomUserId).remarkMobiles.add(phone);
        deliver(cb);

        Customer c = customerOf(ext);
        assertEquals(formLead, c.id, "one person, one customer");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Set.of(IdentityKind.PHONE, IdentityKind.EXTERNAL_USERID, IdentityKind.UNIONID),
                    IdentityLink.<IdentityLink>list("customerId", formLead).stream().map(l -> l.kind).collect(Collectors.toSet()));
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", formLead, EventType.ADDED_WECOM));
            assertEquals(1, CustomerFollower.count("customerId = ?1 and employeeId = ?2", formLead, rep.id));
        });
    }

    @Test
    void aNotedPhoneTwoCustomersHaveRaisesSuggestionsInsteadOfMerging() {
        Employee rep = people.rep("李娜");
        String phone = phone();
        List<Long> sharing = QuarkusTransaction.requiringNew().call(() -> List.of(1, 2).stream().map(i -> {
            Customer c = new Customer();
            c.corpId = qingke.corpId();
            c.name = "同号客户" + i;
            c.phone = phone;
            c.sourceChannel = Channel.IMPORT;
            c.persist();
            return c.id;
        }).toList());
        EncryptedCallback cb = wecomSide.customerAddsRep(rep.wecomUserId, null);
        String ext = externalUserId(cb);
        corp.contact(ext).orElseThrow().follows.get(rep.wecomUserId).remarkMobiles.add(phone);
        deliver(cb);

        Customer c = customerOf(ext);
        assertFalse(sharing.contains(c.id), "an ambiguous phone does not merge");
        QuarkusTransaction.requiringNew().run(() -> {
            List<MergeSuggestion> suggestions = MergeSuggestion.list("customerId = ?1 and status = ?2", c.id, MergeSuggestion.Status.OPEN);
            assertEquals(Set.copyOf(sharing), suggestions.stream().map(s -> s.candidateId).collect(Collectors.toSet()));
            for (Long id : sharing) {
                assertEquals(CustomerStatus.ACTIVE, Customer.<Customer>findById(id).status);
            }
        });
    }

    @Test
    void aRepWhoLeftDoesNotOwnTheLeadTheCampaignsOwnerDoes() {
        Employee left = people.rep("陈杰");
        Employee campaignOwner = people.rep("张伟");
        QuarkusTransaction.requiringNew().run(() -> Employee.<Employee>findById(left.id).active = false);
        Campaign campaign = campaign(campaignOwner.id);
        EncryptedCallback cb = wecomSide.customerAddsRep(left.wecomUserId, campaign.code);
        deliver(cb);

        Customer c = customerOf(externalUserId(cb));
        assertEquals(campaignOwner.id, c.ownerId, "owner assignment rules: an inactive channel rep is skipped");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() ->
                CustomerFollower.count("customerId = ?1 and employeeId = ?2", c.id, left.id)), "the rep who was added still follows");
    }

    @Test
    void theSidebarSeeingAContactFirstAndTheLateCallbackAreOneLead() {
        Employee rep = people.rep("王芳");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "卫东");
        given().header("Authorization", fixtures.bearer(rep)).get("/api/wecom/external-contacts/" + contact.externalUserId + "/customer")
                .then().statusCode(200);
        Customer seen = customerOf(contact.externalUserId);
        assertNotNull(seen.intentScore, "first sight is a lead with its first score");

        // WeCom's add_external_contact for the same follow relation arrives after the sidebar saw the contact
        String xml = wecomSide.changeExternalContactXml("add_external_contact", rep.wecomUserId, contact.externalUserId,
                Map.of("WelcomeCode", "W1"), Instant.now().getEpochSecond());
        deliver(wecomSide.encrypt(xml));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", seen.id, EventType.ADDED_WECOM));
            assertEquals(1, Opportunity.count("customerId", seen.id));
            assertEquals(1, OutboxEvent.count("topic = ?1 and aggregateId = ?2", LeadNotifier.TOPIC, seen.id));
            assertEquals(1, Customer.count("name = ?1 and ownerId = ?2", "卫东", rep.id));
        });
    }
}
