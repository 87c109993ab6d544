package com.qingke.officialaccount;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeOfficialAccountCallbacks;
import com.qingke.fakewechat.FakeOfficialAccountState;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.inbox.InboxSource;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.support.Fixtures;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** Official-account events end to end: the fake platform posts signed events, the inbox worker turns them into leads. */
@QuarkusTest
class OfficialAccountFlowTest {
    @Inject FakeOfficialAccountCallbacks wechat;
    @Inject FakeOfficialAccountState account;
    @Inject FakeWeComState wecomCorp;
    @Inject WeComFixtures people;
    @Inject Fixtures fixtures;
    @Inject OfficialAccountConfig config;


    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    JsonPath createCampaign(Employee manager, String body) {
        return given().header("Authorization", fixtures.bearer(manager)).contentType("application/json").body(body)
                .post("/api/campaigns").then().statusCode(201).extract().jsonPath();
    }

    Customer customerOf(String openid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IdentityLink link = IdentityLink.find("kind = ?1 and value = ?2", IdentityKind.OPENID, openid).firstResult();
            return link == null ? null : Customer.findById(link.customerId);
        });
    }

    @Test
    void aCampaignQrSubscribeBecomesALeadOfTheCampaignWithTheFollowersUnionidAndTheOwnerIsTold() {
        Employee manager = people.manager("刘洋");
        Employee rep = people.rep("张伟");
        String code = "spring-" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath campaign = createCampaign(manager, "{\"name\":\"春季展会\",\"code\":\"" + code + "\",\"channel\":\"OA_QR\",\"ownerId\":" + rep.id
                + ",\"expireDays\":7}");
        assertThat(campaign.getString("qrUrl"), containsString("/cgi-bin/showqrcode?ticket="));
        assertFalse(campaign.getBoolean("permanent"));
        Instant expires = Instant.parse(campaign.getString("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).toDays() >= 6);
        FakeOfficialAccountState.QrCode qr = account.qrCodesFor(code).get(0);
        assertEquals(7 * 86400, qr.expireSeconds());
        given().get(campaign.getString("qrUrl")).then().statusCode(200).contentType(containsString("image/svg"));

        FakeOfficialAccountState.Follower user = wechat.newUser();
        String xml = wechat.subscribe(user, code);
        FakeOfficialAccountCallbacks.Delivery answer = wechat.deliver(xml);
        assertEquals(200, answer.status());
        assertThat(answer.body(), containsString("<Encrypt>"));
        assertEquals(200, wechat.deliver(xml).status(), "WeChat's retry of the same event");
        people.processInbox(InboxSource.OFFICIAL_ACCOUNT);

        Customer c = customerOf(user.openid);
        assertNotNull(c);
        assertEquals(Channel.OA_QR, c.sourceChannel);
        assertEquals(campaign.getLong("id"), c.campaignId);
        assertEquals(rep.id, c.ownerId, "the campaign's owner gets its leads");
        assertTrue(c.name.startsWith("微信用户"));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, IdentityLink.count("customerId = ?1 and kind = ?2 and value = ?3", c.id, IdentityKind.UNIONID, user.unionid));
            List<BehaviourEvent> events = BehaviourEvent.list("customerId", c.id);
            assertEquals(1, events.size(), "the redelivered event is stored once");
            assertEquals(EventType.SUBSCRIBE, events.get(0).type);
            assertEquals(code, events.get(0).metadata.get("scene"));
            Opportunity o = Opportunity.find("customerId", c.id).firstResult();
            assertEquals(Stage.INITIAL, o.stage);
            assertEquals(campaign.getLong("id"), o.campaignId);
        });

        given().header("Authorization", fixtures.bearer(manager)).get("/api/campaigns").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.leadCount", is(1))
                .body("find { it.code == '" + code + "' }.name", is("春季展会"));

        FakeWeComState.AppMessage told = awaitMessageTo(rep.wecomUserId);
        assertThat(told.content(), allOf(containsString("新线索"), containsString("春季展会")));
    }

    @Test
    void aScanOfACampaignByAFollowerIsALeadAndMenuClicksAndUnsubscribesLandOnTheTimeline() {
        Employee manager = people.manager("刘洋");
        String code = "perm-" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath campaign = createCampaign(manager, "{\"name\":\"门店海报\",\"code\":\"" + code + "\",\"permanent\":true}");
        assertTrue(campaign.getBoolean("permanent"));
        assertNull(campaign.get("expiresAt"));
        assertNull(account.qrCodesFor(code).get(0).expireSeconds());

        FakeOfficialAccountState.Follower user = wechat.newUser();
        wechat.deliver(wechat.subscribe(user, null));
        people.processInbox(InboxSource.OFFICIAL_ACCOUNT);
        Customer plain = customerOf(user.openid);
        assertNull(plain.campaignId, "a plain follow is a lead without a campaign");

        sleep(1100); // a new CreateTime second: WeChat's events are told apart by it
        wechat.deliver(wechat.scan(user, code));
        wechat.deliver(wechat.click(user, "PRICE_LIST"));
        wechat.deliver(wechat.view(user, "https://example.com/price"));
        people.processInbox(InboxSource.OFFICIAL_ACCOUNT);
        sleep(1100);
        wechat.deliver(wechat.unsubscribe(user));
        people.processInbox(InboxSource.OFFICIAL_ACCOUNT);

        QuarkusTransaction.requiringNew().run(() -> {
            List<EventType> types = BehaviourEvent.<BehaviourEvent>list("customerId = ?1 order by id", plain.id).stream().map(e -> e.type).toList();
            // scan, click and view arrive in the same second and may be processed side by side (the scheduled inbox
            // worker and this test's drain claim different messages), so their order among themselves is not fixed
            assertEquals(5, types.size(), types.toString());
            assertEquals(EventType.SUBSCRIBE, types.get(0));
            assertEquals(Set.of(EventType.SCAN, EventType.MENU_CLICK, EventType.PAGE_VIEW), Set.copyOf(types.subList(1, 4)));
            assertEquals(EventType.UNSUBSCRIBE, types.get(4));
            BehaviourEvent click = BehaviourEvent.find("customerId = ?1 and type = ?2", plain.id, EventType.MENU_CLICK).firstResult();
            assertEquals("PRICE_LIST", click.metadata.get("eventKey"));
            assertEquals(1, Opportunity.count("customerId", plain.id), "the open opportunity is not duplicated by the scan");
        });
    }

    @Test
    void eventsOfUnknownFollowersAreIgnoredAndUserInfoFailuresAreRetried() {
        FakeOfficialAccountState.Follower stranger = wechat.newUser();
        wechat.deliver(wechat.click(stranger, "PRICE_LIST"));
        people.processInbox(InboxSource.OFFICIAL_ACCOUNT);
        assertNull(customerOf(stranger.openid));

        FakeOfficialAccountState.Follower user = wechat.newUser();
        account.failNext("/cgi-bin/user/info", -1);
        wechat.deliver(wechat.subscribe(user, null));
        people.processInbox(InboxSource.OFFICIAL_ACCOUNT);
        assertNotNull(customerOf(user.openid), "processed on the retry after WeChat's system error");
    }

    @Test
    void plaintextModeRepliesTheWelcomeToTheFollower() {
        FakeOfficialAccountState.Follower user = wechat.newUser();
        FakeOfficialAccountCallbacks.Delivery answer = wechat.deliver(wechat.plain(wechat.subscribe(user, null)));
        WxMpXmlMessage reply = WxMpXmlMessage.fromXml(answer.body());
        assertEquals(user.openid, reply.getToUser());
        assertEquals(config.welcomeMessage(), reply.getContent());
    }

    @Test
    void onlyManagersCreateCampaignsAndCodesAreUnique() {
        Employee manager = people.manager("刘洋");
        given().header("Authorization", fixtures.bearer(people.rep("王芳"))).contentType("application/json")
                .body("{\"name\":\"x\"}").post("/api/campaigns").then().statusCode(403);
        String code = "form-" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath form = createCampaign(manager, "{\"name\":\"官网表单\",\"code\":\"" + code + "\",\"channel\":\"WEB_FORM\"}");
        assertThat(form.getString("formUrl"), endsWith("/lead-form?channel=" + code));
        given().header("Authorization", fixtures.bearer(manager)).contentType("application/json")
                .body("{\"name\":\"重复\",\"code\":\"" + code + "\"}").post("/api/campaigns").then().statusCode(409);
        given().header("Authorization", fixtures.bearer(manager)).contentType("application/json")
                .body("{\"name\":\"\",\"code\":\"含中文\"}").post("/api/campaigns").then().statusCode(400)
                .body("violations.field", hasItems("name", "code"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Campaign.findByCode(manager.corpId, code).isPresent()));
    }

    private FakeWeComState.AppMessage awaitMessageTo(String userId) {
        for (int i = 0; i < 200; i++) {
            var found = wecomCorp.appMessages().stream().filter(m -> m.toUsers().contains(userId)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(50);
        }
        return fail("no app message to " + userId + "; sent: " + wecomCorp.appMessages().stream().map(m -> m.toUsers().toString())
                .collect(Collectors.joining(",")));
    }

    static Set<String> kinds(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> IdentityLink.<IdentityLink>list("customerId", customerId).stream()
                .map(l -> l.kind.name()).collect(Collectors.toSet()));
    }
}
