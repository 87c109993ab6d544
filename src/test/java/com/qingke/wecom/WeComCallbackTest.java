package com.qingke.wecom;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.inbox.InboxMessage;
import com.qingke.inbox.InboxSource;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.InboxWorker;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.platform.QingkeConfig;
import com.qingke.support.Fixtures;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** Real encrypted callbacks, made by the fake WeCom with WxJava's crypto, posted to the callback endpoint. */
@QuarkusTest
class WeComCallbackTest {
    @Inject FakeWeComCallbacks wecomSide;
    @Inject FakeWeComState corp;
    @Inject WeComFixtures people;
    @Inject InboxWorker worker;
    @Inject QingkeConfig qingke;
    @Inject WeComConfig config;

    private static ValidatableResponse post(EncryptedCallback cb) {
        return given().contentType("text/xml").body(cb.body()).post("/wecom/callback?" + cb.queryString()).then();
    }

    private static long storedWeComMessages() {
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("source", InboxSource.WECOM));
    }

    private Campaign campaign(Long ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.corpId = qingke.corpId();
            c.code = Fixtures.unique("qr").substring(0, 11);
            c.name = "展会活码";
            c.channel = Channel.WECOM_QR;
            c.ownerId = ownerId;
            c.persist();
            return c;
        });
    }

    @Test
    void urlVerificationAnswersTheDecryptedEchostr() {
        Map<String, String> params = wecomSide.urlVerification("echo-1234567890");
        given().queryParams(params).get("/wecom/callback").then().statusCode(200).body(is("echo-1234567890"));
        params.put("msg_signature", "0".repeat(40));
        given().queryParams(params).get("/wecom/callback").then().statusCode(403);
    }

    @Test
    void aNewContactThroughAChannelQrBecomesOneLeadEvenWhenWeComSendsItThreeTimes() {
        Employee rep = people.rep("张伟");
        Campaign campaign = campaign(rep.id);
        EncryptedCallback cb = wecomSide.customerAddsRep(rep.wecomUserId, campaign.code);
        String externalUserId = cb.plainXml().replaceAll(".*<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>.*", "$1");
        long before = storedWeComMessages();

        for (int i = 0; i < 3; i++) {
            post(cb).statusCode(200).body(is("success"));
        }
        assertEquals(before + 1, storedWeComMessages(), "stored once");
        people.processInbox();

        QuarkusTransaction.requiringNew().run(() -> {
            List<IdentityLink> links = IdentityLink.list("corpId = ?1 and kind = ?2 and value = ?3", qingke.corpId(),
                    IdentityKind.EXTERNAL_USERID, externalUserId);
            assertEquals(1, links.size());
            Customer c = Customer.findById(links.get(0).customerId);
            FakeWeComState.Contact contact = corp.contact(externalUserId).orElseThrow();
            assertEquals(contact.name, c.name);
            assertEquals(contact.corpName, c.company);
            assertEquals(Channel.WECOM_QR, c.sourceChannel);
            assertEquals(campaign.id, c.campaignId);
            assertEquals(rep.id, c.ownerId);
            assertEquals(1, IdentityLink.count("customerId = ?1 and kind = ?2 and value = ?3", c.id, IdentityKind.UNIONID, contact.unionId));
            assertEquals(1, CustomerFollower.count("customerId = ?1 and employeeId = ?2 and active = true", c.id, rep.id));
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", c.id, EventType.ADDED_WECOM));
            List<Opportunity> opportunities = Opportunity.list("customerId", c.id);
            assertEquals(1, opportunities.size());
            assertEquals(Stage.INITIAL, opportunities.get(0).stage);
            assertEquals(campaign.id, opportunities.get(0).campaignId);
            assertTrue(com.qingke.inbox.OutboxEvent.count("topic = ?1 and aggregateId = ?2",
                    com.qingke.scoring.AnalysisRequests.TOPIC, c.id) >= 1, "the new lead is queued for analysis");
        });

        post(cb).statusCode(200).body(is("success"));
        people.processInbox();
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Opportunity.count("campaignId", campaign.id)));
    }

    @Test
    void theSameCallbackDeliveredThreeTimesConcurrentlyIsStoredAndProcessedOnce() throws Exception {
        Employee rep = people.rep("赵敏");
        EncryptedCallback cb = wecomSide.customerAddsRep(rep.wecomUserId, null);
        String externalUserId = cb.plainXml().replaceAll(".*<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>.*", "$1");
        long before = storedWeComMessages();

        // three deliveries released at once, as WeCom's retries can overlap a slow acknowledgement
        List<String> answers = concurrently(3, () -> given().contentType("text/xml").body(cb.body())
                .post("/wecom/callback?" + cb.queryString()).then().extract().response().asString());
        assertEquals(List.of("success", "success", "success"), answers, "every delivery is acknowledged");
        assertEquals(before + 1, storedWeComMessages(), "stored once");

        // and three workers draining at once (the scheduled one runs too) process it once
        concurrently(3, () -> String.valueOf(worker.drain()));
        people.processInbox();

        QuarkusTransaction.requiringNew().run(() -> {
            InboxMessage stored = InboxMessage.find("source = ?1 and dedupeKey = ?2", InboxSource.WECOM,
                    WeComCallbackResource.dedupeKey(WeComCallbackResource.Fields.of(parse(cb.plainXml())), cb.plainXml())).singleResult();
            assertEquals(InboxStatus.DONE, stored.status);
            assertEquals(1, stored.attempts, "handled by one worker, at the first attempt");
            List<IdentityLink> links = IdentityLink.list("corpId = ?1 and kind = ?2 and value = ?3", qingke.corpId(),
                    IdentityKind.EXTERNAL_USERID, externalUserId);
            assertEquals(1, links.size());
            long customer = links.get(0).customerId;
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", customer, EventType.ADDED_WECOM));
            assertEquals(1, Opportunity.count("customerId", customer));
            assertEquals(1, CustomerFollower.count("customerId = ?1 and employeeId = ?2", customer, rep.id));
        });
    }

    private static List<String> concurrently(int n, java.util.concurrent.Callable<String> task) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
            List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<String> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> f : futures) {
                results.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        Employee rep = people.rep("王芳");
        EncryptedCallback cb = wecomSide.customerAddsRep(rep.wecomUserId, null);
        long before = storedWeComMessages();
        post(cb.withSignature((cb.msgSignature().charAt(0) == '0' ? "1" : "0") + cb.msgSignature().substring(1))).statusCode(403).body(not(containsString(cb.plainXml())));
        post(cb.withSignature("")).statusCode(403);
        assertEquals(before, storedWeComMessages());
    }

    @Test
    void aMessageEncryptedWithAnotherKeyOrForAnotherCorpIsRefused() {
        Employee rep = people.rep("李娜");
        EncryptedCallback valid = wecomSide.customerAddsRep(rep.wecomUserId, null);
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        String otherAesKey = Base64.getEncoder().encodeToString(otherKey).replace("=", "");
        long before = storedWeComMessages();

        for (CallbackCrypto forger : List.of(new CallbackCrypto(config.callbackToken(), otherAesKey, qingke.corpId()),
                new CallbackCrypto(config.callbackToken(), config.callbackAesKey(), "ww-another-corp"))) {
            String encrypted = forger.encrypt("0123456789abcdef", valid.plainXml());
            String ts = Long.toString(Instant.now().getEpochSecond());
            EncryptedCallback forged = new EncryptedCallback(forger.sign(ts, "nonce1", encrypted), ts, "nonce1",
                    "<xml><ToUserName><![CDATA[" + qingke.corpId() + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                            + "]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>", valid.plainXml());
            post(forged).statusCode(403);
        }
        assertEquals(before, storedWeComMessages());
    }

    @Test
    void malformedOrOversizedBodiesAreRefusedAndNothingIsStored() {
        Employee rep = people.rep("陈杰");
        EncryptedCallback valid = wecomSide.customerAddsRep(rep.wecomUserId, null);
        long before = storedWeComMessages();

        post(valid.withBody("<xml><Encrypt>not closed")).statusCode(400);
        post(valid.withBody("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>")).statusCode(400);
        post(valid.withBody("<xml><Nothing/></xml>")).statusCode(400);
        post(wecomSide.encrypt("this is not xml <")).statusCode(400);
        post(valid.withBody("<xml><Encrypt><![CDATA[" + "A".repeat(1024 * 1024) + "]]></Encrypt></xml>")).statusCode(413);
        assertEquals(before, storedWeComMessages());
    }

    @Test
    void aReplayOutsideTheAcceptedWindowIsRefused() {
        Employee rep = people.rep("张伟");
        EncryptedCallback fresh = wecomSide.customerAddsRep(rep.wecomUserId, null);
        long before = storedWeComMessages();
        post(wecomSide.encrypt(fresh.plainXml(), Instant.now().minusSeconds(3600))).statusCode(403);
        post(wecomSide.encrypt(fresh.plainXml(), Instant.now().plusSeconds(3600))).statusCode(403);
        assertEquals(before, storedWeComMessages());
    }

    @Test
    void theCustomerDeletingTheRepIsARiskAndTheRepDeletingTheCustomerEndsTheRelation() {
        Employee rep = people.rep("王芳");
        Employee other = people.rep("李娜");
        EncryptedCallback added = wecomSide.customerAddsRep(rep.wecomUserId, null);
        String ext = added.plainXml().replaceAll(".*<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>.*", "$1");
        post(added).statusCode(200);
        post(wecomSide.customerAddsRep(corp.contact(ext).orElseThrow(), other.wecomUserId, null)).statusCode(200);
        people.processInbox();

        post(wecomSide.customerDeletesRep(ext, rep.wecomUserId)).statusCode(200).body(is("success"));
        post(wecomSide.repDeletesCustomer(ext, other.wecomUserId)).statusCode(200);
        people.processInbox();

        QuarkusTransaction.requiringNew().run(() -> {
            Long id = IdentityLink.<IdentityLink>find("kind = ?1 and value = ?2", IdentityKind.EXTERNAL_USERID, ext).firstResult().customerId;
            Customer c = Customer.findById(id);
            assertTrue(c.riskTags.contains("客户删除了销售"));
            CustomerFollower repFollow = CustomerFollower.find("customerId = ?1 and employeeId = ?2", id, rep.id).firstResult();
            assertNotNull(repFollow.deletedByCustomerAt);
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", id, EventType.DELETED_BY_CUSTOMER));
            CustomerFollower otherFollow = CustomerFollower.find("customerId = ?1 and employeeId = ?2", id, other.id).firstResult();
            assertFalse(otherFollow.active);
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", id, EventType.REP_DELETED_CUSTOMER));
        });
    }

    @Test
    void anEditBringsTheRemarkMobileAndOtherEventsAreStoredButIgnored() {
        Employee rep = people.rep("陈杰");
        EncryptedCallback added = wecomSide.customerAddsRep(rep.wecomUserId, null);
        String ext = added.plainXml().replaceAll(".*<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>.*", "$1");
        post(added).statusCode(200);
        people.processInbox();
        post(wecomSide.repEditsContact(ext, rep.wecomUserId, "老客户", "+86 139-0000-1234")).statusCode(200);

        String enterAgent = "<xml><ToUserName><![CDATA[" + qingke.corpId() + "]]></ToUserName><FromUserName><![CDATA["
                + rep.wecomUserId + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><AgentID>1000002</AgentID></xml>";
        post(wecomSide.encrypt(enterAgent)).statusCode(200).body(is("success"));
        people.processInbox();

        QuarkusTransaction.requiringNew().run(() -> {
            Long id = IdentityLink.<IdentityLink>find("kind = ?1 and value = ?2", IdentityKind.EXTERNAL_USERID, ext).firstResult().customerId;
            assertEquals("13900001234", Customer.<Customer>findById(id).phone);
            InboxMessage ignored = InboxMessage.find("source = ?1 and messageType = ?2 order by id desc", InboxSource.WECOM, "enter_agent")
                    .firstResult();
            assertEquals(InboxStatus.IGNORED, ignored.status);
        });
    }

    @Test
    void aFollowUserNewToQingkeBecomesAnEmployeeFromTheDirectory() {
        String userId = people.directoryMember("新同事", false);
        EncryptedCallback added = wecomSide.customerAddsRep(userId, null);
        String ext = added.plainXml().replaceAll(".*<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>.*", "$1");
        post(added).statusCode(200);
        people.processInbox();
        QuarkusTransaction.requiringNew().run(() -> {
            Employee e = Employee.findByUserId(qingke.corpId(), userId).orElseThrow();
            assertEquals("新同事", e.name);
            Long id = IdentityLink.<IdentityLink>find("kind = ?1 and value = ?2", IdentityKind.EXTERNAL_USERID, ext).firstResult().customerId;
            assertEquals(e.id, Customer.<Customer>findById(id).ownerId);
            InboxMessage m = InboxMessage.find("source = ?1 order by id desc", InboxSource.WECOM).firstResult();
            assertEquals(1, m.attempts, "processed at the first attempt");
        });
    }

    private static org.w3c.dom.Document parse(String xml) {
        try {
            return com.qingke.platform.wechat.SafeXml.parse(xml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
