package com.qingke.lead;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeOfficialAccountCallbacks;
import com.qingke.fakewechat.FakeOfficialAccountState;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.identity.MergeRecord;
import com.qingke.identity.MergeSuggestion;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The acceptance scenario of WF-01/WF-02 through the real front doors: the official account's signed callback, WeCom's
 * encrypted callback and the public form, each processed the way production processes it.
 */
@QuarkusTest
class SamePersonThroughThreeChannelsTest {
    @Inject FakeOfficialAccountCallbacks officialAccount;
    @Inject FakeWeComCallbacks wecom;
    @Inject FakeWeComState wecomCorp;
    @Inject WeComFixtures people;


    @Test
    void officialAccountScanThenWecomAddThenTheFormIsOneCustomerWithOneTimeline() {
        Employee rep = people.rep("张伟");
        String phone = LeadCaptureTest.phone();

        // 1. scans the official account's QR: openid + unionid (user/info)
        FakeOfficialAccountState.Follower follower = officialAccount.newUser();
        assertEquals(200, officialAccount.deliver(officialAccount.subscribe(follower, null)).status());
        people.processWholeInbox();

        // 2. adds the rep on WeCom: external_userid + the same unionid; the rep notes the phone (remark_mobiles)
        FakeWeComState.Contact contact = new FakeWeComState.Contact("wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), "王小明");
        contact.unionId = follower.unionid;
        wecomCorp.putContact(contact);
        var added = wecom.customerAddsRep(contact, rep.wecomUserId, null);
        contact.follows.get(rep.wecomUserId).remarkMobiles.add(phone);
        assertEquals(200, wecom.deliver(added).status());
        people.processWholeInbox();

        // 3. fills the public form with that phone
        given().header("X-Forwarded-For", "10.9.0." + (1 + (int) (Math.random() * 250)))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "王小明").formParam("phone", phone).formParam("company", "无锡精工")
                .formParam("need", "要一份报价").formParam("consent", "yes").formParam("submission", UUID.randomUUID().toString())
                .post("/lead-form").then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> {
            long id = IdentityLink.<IdentityLink>find("kind = ?1 and value = ?2", IdentityKind.OPENID, follower.openid)
                    .singleResult().customerId;
            /*
             * Exactly four links, one per distinct identifier, all on the customer the first scan created:
             *   OPENID           from the official account (step 1)
             *   UNIONID          from the official account (user/info, step 1) and again from WeCom (externalcontact/get,
             *                    step 2): the same value, so one link — it is what tells step 2 it is the same person
             *   EXTERNAL_USERID  from WeCom (step 2)
             *   PHONE            from the rep's note in WeCom (remark_mobiles, step 2) and again from the form (step 3):
             *                    one link — it is what tells step 3 it is the same person
             * The "three links" counts the identifiers each channel brings of its own (openid, external_userid,
             * phone); the unionid shared by the two WeChat channels is the fourth row. Each arrival found the customer
             * through a link the previous one had made, so nothing was merged and nothing needs a rep's decision.
             */
            List<String> links = IdentityLink.<IdentityLink>list("customerId = ?1 order by kind, value", id).stream()
                    .map(l -> l.kind + "=" + l.value).toList();
            assertEquals(List.of(IdentityKind.EXTERNAL_USERID + "=" + contact.externalUserId, IdentityKind.OPENID + "=" + follower.openid,
                    IdentityKind.PHONE + "=" + phone, IdentityKind.UNIONID + "=" + follower.unionid).stream().sorted().toList(),
                    links.stream().sorted().toList());
            for (IdentityKind kind : List.of(IdentityKind.OPENID, IdentityKind.UNIONID, IdentityKind.EXTERNAL_USERID, IdentityKind.PHONE)) {
                String value = switch (kind) {
                    case OPENID -> follower.openid;
                    case UNIONID -> follower.unionid;
                    case EXTERNAL_USERID -> contact.externalUserId;
                    default -> phone;
                };
                assertEquals(1, IdentityLink.count("kind = ?1 and value = ?2", kind, value), kind + " is linked once, to nobody else");
            }
            assertEquals(0, MergeRecord.count("survivorId = ?1 or mergedId = ?1", id), "found by links, never merged");
            assertEquals(0, MergeSuggestion.count("customerId = ?1 or candidateId = ?1", id));

            Customer c = Customer.findById(id);
            assertEquals(CustomerStatus.ACTIVE, c.status);
            assertEquals(Channel.OA_QR, c.sourceChannel, "attribution is first touch");
            assertEquals("无锡精工", c.company);
            assertEquals(phone, c.phone);
            assertNotNull(c.consentAt);
            assertNotNull(c.intentScore);
            assertEquals(1, CustomerFollower.count("customerId = ?1 and employeeId = ?2 and active = true", id, rep.id));
            List<Opportunity> opportunities = Opportunity.list("customerId", id);
            assertEquals(1, opportunities.size(), "one open opportunity per person, not one per channel");
            assertEquals(Stage.INITIAL, opportunities.get(0).stage);
            List<EventType> timeline = BehaviourEvent.<BehaviourEvent>list("customerId = ?1 order by occurredAt, id", id).stream()
                    .map(e -> e.type).toList();
            assertEquals(List.of(EventType.SUBSCRIBE, EventType.ADDED_WECOM, EventType.FORM_SUBMITTED), timeline);
        });
    }
}
