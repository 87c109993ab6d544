package com.qingke.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.FakeOfficialAccountCallbacks;
import com.qingke.fakewechat.FakeOfficialAccountState;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.inbox.OutboxEvent;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.platform.AuditEntry;
import com.qingke.platform.QingkeConfig;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The three front doors — official-account QR, WeCom channel QR (state), web form (channel parameter) — each with a
 * campaign owned by a rep, land alike: the customer attributed to the campaign and owned by its rep, one opportunity
 * at the first stage with its history, the first intent score the channel earns, the capture audited, the capture
 * event carrying the campaign code, and one new-lead message to the owner in the outbox.
 */
@QuarkusTest
class ThreeChannelsLandAlikeTest {
    @Inject FakeOfficialAccountCallbacks officialAccount;
    @Inject FakeWeComCallbacks wecom;
    @Inject WeComFixtures people;
    @Inject InitialIntentScore initialScore;
    @Inject QingkeConfig config;
    @Inject ObjectMapper json;

    private Campaign campaign(Channel channel, Employee owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.corpId = config.corpId();
            c.code = "alike" + UUID.randomUUID().toString().substring(0, 8);
            c.name = "同一流程 " + channel;
            c.channel = channel;
            c.ownerId = owner.id;
            c.persist();
            return c;
        });
    }


    private static long linked(IdentityKind kind, String value) {
        return QuarkusTransaction.requiringNew().call(() -> IdentityLink.<IdentityLink>find("kind = ?1 and value = ?2", kind, value)
                .singleResult().customerId);
    }

    @Test
    void officialAccountWeComAndFormLeadsLandAlike() throws Exception {
        Employee oaRep = people.rep("张伟");
        Employee wecomRep = people.rep("王芳");
        Employee formRep = people.rep("李娜");
        Campaign oaCampaign = campaign(Channel.OA_QR, oaRep);
        Campaign wecomCampaign = campaign(Channel.WECOM_QR, wecomRep);
        Campaign formCampaign = campaign(Channel.WEB_FORM, formRep);

        FakeOfficialAccountState.Follower follower = officialAccount.newUser();
        assertEquals(200, officialAccount.deliver(officialAccount.subscribe(follower, oaCampaign.code)).status());
        EncryptedCallback added = wecom.customerAddsRep(wecomRep.wecomUserId, wecomCampaign.code);
        assertEquals(200, wecom.deliver(added).status());
        people.processWholeInbox();
        String phone = LeadCaptureTest.phone();
        LeadFormPageTest.visitor(LeadFormPageTest.newIp()).formParam("name", "蒋琳").formParam("phone", phone)
                .formParam("consent", "yes").formParam("channel", formCampaign.code)
                .formParam("submission", UUID.randomUUID().toString()).post("/lead-form").then().statusCode(200);

        long oa = linked(IdentityKind.OPENID, follower.openid);
        long wc = linked(IdentityKind.EXTERNAL_USERID, added.plainXml().replaceAll(".*<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>.*", "$1"));
        long form = linked(IdentityKind.PHONE, phone);
        assertLead(oa, Channel.OA_QR, EventType.SUBSCRIBE, oaCampaign, oaRep);
        assertLead(wc, Channel.WECOM_QR, EventType.ADDED_WECOM, wecomCampaign, wecomRep);
        assertLead(form, Channel.WEB_FORM, EventType.FORM_SUBMITTED, formCampaign, formRep);
    }

    private void assertLead(long customerId, Channel channel, EventType event, Campaign campaign, Employee owner) throws Exception {
        Customer c = QuarkusTransaction.requiringNew().call(() -> Customer.findById(customerId));
        String where = channel + ": ";
        assertEquals(channel, c.sourceChannel, where + "source channel");
        assertEquals(campaign.id, c.campaignId, where + "attributed to the campaign");
        assertEquals(owner.id, c.ownerId, where + "owned by the campaign's rep");
        InitialIntentScore.Score expected = initialScore.of(channel, true, c.company != null && !c.company.isBlank(), false);
        assertEquals(expected.score(), c.intentScore, 0.001, where + "first score");
        assertEquals(expected.grade(), c.intentGrade, where + "first grade");
        assertEquals(expected.reasons(), c.intentReasons, where + "why");
        QuarkusTransaction.requiringNew().run(() -> {
            List<Opportunity> opportunities = Opportunity.list("customerId", customerId);
            assertEquals(1, opportunities.size(), where + "one opportunity");
            Opportunity o = opportunities.get(0);
            assertEquals(Stage.INITIAL, o.stage, where + "first stage");
            assertEquals(campaign.id, o.campaignId, where + "opportunity attributed");
            assertEquals(channel, o.channel);
            assertEquals(owner.id, o.ownerId);
            assertEquals(expected.score(), o.intentScore, 0.001);
            List<StageChange> history = StageChange.list("opportunityId", o.id);
            assertEquals(1, history.size());
            assertNull(history.get(0).fromStage);
            BehaviourEvent capture = BehaviourEvent.find("customerId = ?1 and type = ?2", customerId, event).singleResult();
            assertEquals(campaign.code, capture.metadata.get("campaignCode"), where + "event carries the campaign");
            assertEquals(1, AuditEntry.count("action = ?1 and entityId = ?2", "LEAD_CAPTURED", customerId), where + "audited");
        });
        OutboxEvent message = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("topic = ?1 and aggregateId = ?2",
                LeadNotifier.TOPIC, customerId).singleResult());
        assertEquals(owner.wecomUserId, json.readTree(message.payload).get("to").asText(), where + "owner told");
    }
}
