package com.qingke.lead;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeOfficialAccountCallbacks;
import com.qingke.fakewechat.FakeOfficialAccountState;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.inbox.InboxMessage;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.InboxWorker;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    @Inject InboxWorker worker;

    void processInbox() {
        for (int i = 0; i < 200; i++) {
            worker.drain();
            if (QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("status", InboxStatus.PENDING)) == 0) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("inbox messages still pending");
    }

    @Test
    void officialAccountScanThenWecomAddThenTheFormIsOneCustomerWithOneTimeline() {
        Employee rep = people.rep("张伟");
        String phone = LeadCaptureTest.phone();

        // 1. scans the official account's QR: openid + unionid (user/info)
        FakeOfficialAccountState.Follower follower = officialAccount.newUser();
        assertEquals(200, officialAccount.deliver(officialAccount.subscribe(follower, null)).status());
        processInbox();

        // 2. adds the rep on WeCom: external_userid + the same unionid; the rep notes the phone (remark_mobiles)
        FakeWeComState.Contact contact = new FakeWeComState.Contact("wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), "王小明");
        contact.unionId = follower.unionid;
        wecomCorp.putContact(contact);
        var added = wecom.customerAddsRep(contact, rep.wecomUserId, null);
        contact.follows.get(rep.wecomUserId).remarkMobiles.add(phone);
        assertEquals(200, wecom.deliver(added).status());
        processInbox();

        // 3. fills the public form with that phone
        given().header("X-Forwarded-For", "10.9.0." + (1 + (int) (Math.random() * 250)))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "王小明").formParam("phone", phone).formParam("company", "无锡精工")
                .formParam("need", "要一份报价").formParam("consent", "yes").formParam("submission", UUID.randomUUID().toString())
                .post("/lead-form").then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> {
            List<IdentityLink> links = IdentityLink.list("(kind = ?1 and value = ?2) or (kind = ?3 and value = ?4) or (kind = ?5 and value = ?6) "
                            + "or (kind = ?7 and value = ?8)", IdentityKind.OPENID, follower.openid, IdentityKind.UNIONID, follower.unionid,
                    IdentityKind.EXTERNAL_USERID, contact.externalUserId, IdentityKind.PHONE, phone);
            Set<Long> owners = links.stream().map(l -> l.customerId).collect(Collectors.toSet());
            assertEquals(1, owners.size(), "every identifier belongs to one customer");
            long id = owners.iterator().next();
            assertEquals(Set.of(IdentityKind.OPENID, IdentityKind.UNIONID, IdentityKind.EXTERNAL_USERID, IdentityKind.PHONE),
                    IdentityLink.<IdentityLink>list("customerId", id).stream().map(l -> l.kind).collect(Collectors.toSet()));
            Customer c = Customer.findById(id);
            assertEquals(CustomerStatus.ACTIVE, c.status);
            assertEquals("无锡精工", c.company);
            assertNotNull(c.consentAt);
            List<EventType> timeline = BehaviourEvent.<BehaviourEvent>list("customerId = ?1 order by occurredAt, id", id).stream()
                    .map(e -> e.type).toList();
            assertEquals(List.of(EventType.SUBSCRIBE, EventType.ADDED_WECOM, EventType.FORM_SUBMITTED), timeline);
        });
    }
}
