package com.qingke.wecom;

import com.qingke.employee.Employee;
import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.inbox.InboxWorker;
import com.qingke.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** What Qingke writes to WeCom: tags (mark_tag), channel QR codes (add_contact_way), group sends (add_msg_template). */
@QuarkusTest
class WeComWriteTest {
    @Inject WeComFixtures people;
    @Inject Fixtures fixtures;
    @Inject FakeWeComState corp;
    @Inject FakeWeComCallbacks wecomSide;
    @Inject InboxWorker worker;

    private long customerFor(Employee rep, FakeWeComState.Contact contact) {
        return given().header("Authorization", fixtures.bearer(rep))
                .get("/api/wecom/external-contacts/" + contact.externalUserId + "/customer")
                .then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private List<String> tagNames(FakeWeComState.Contact contact, String userId) {
        return contact.follows.get(userId).tagIds.stream().map(id -> corp.tag(id).orElseThrow().name()).toList();
    }

    @Test
    void tagChangesInQingkeAreWrittenBackToTheOwnersFollowRelation() {
        Employee rep = people.rep("张伟");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "韩梅");
        long id = customerFor(rep, contact);
        String fresh = "新标签" + System.nanoTime() % 100000;

        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"tags\": [\"高意向\", \"" + fresh + "\"]}").put("/api/customers/" + id + "/tags").then().statusCode(200);
        people.drainOutbox(id);
        assertEquals(List.of("高意向", fresh).stream().sorted().toList(), tagNames(contact, rep.wecomUserId).stream().sorted().toList());
        assertTrue(corp.tagNamed(fresh).isPresent(), "a missing corp tag is created");

        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"tags\": [\"" + fresh + "\"]}").put("/api/customers/" + id + "/tags").then().statusCode(200);
        people.drainOutbox(id);
        assertEquals(List.of(fresh), tagNames(contact, rep.wecomUserId));
    }

    @Test
    void aChannelQrCodeCarriesItsCampaignCodeAsStateAndCountsItsLeads() {
        Employee rep = people.rep("王芳");
        String code = "expo" + System.nanoTime() % 100000000;
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"name\": \"秋季展会\", \"code\": \"" + code + "\"}").post("/api/wecom/channel-codes")
                .then().statusCode(201).body("code", is(code)).body("qrUrl", startsWith("https://")).body("leadCount", is(0));
        FakeWeComState.ContactWay way = corp.contactWayByState(code).orElseThrow();
        assertEquals(List.of(rep.wecomUserId), way.users());

        EncryptedCallback added = wecomSide.customerAddsRep(rep.wecomUserId, code);
        assertEquals(200, wecomSide.deliver(added).status());
        people.processInbox();

        given().header("Authorization", fixtures.bearer(rep)).get("/api/wecom/channel-codes")
                .then().statusCode(200).body("find { it.code == '" + code + "' }.leadCount", is(1));
        given().header("Authorization", fixtures.bearer(people.rep("李娜"))).get("/api/wecom/channel-codes")
                .then().statusCode(200).body("code", not(hasItem(code)));
        given().header("Authorization", fixtures.bearer(people.manager("刘洋"))).get("/api/wecom/channel-codes")
                .then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void aRepCannotCreateACodeForSomeoneElseButAManagerCan() {
        Employee rep = people.rep("陈杰");
        Employee other = people.rep("李娜");
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"name\": \"代建\", \"employeeId\": " + other.id + "}").post("/api/wecom/channel-codes").then().statusCode(403);
        given().header("Authorization", fixtures.bearer(people.manager("刘洋"))).contentType("application/json")
                .body("{\"name\": \"团队活码\", \"employeeId\": " + other.id + "}").post("/api/wecom/channel-codes")
                .then().statusCode(201).body("ownerId", is(other.id.intValue()));
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"name\": \"坏编码\", \"code\": \"has space\"}").post("/api/wecom/channel-codes").then().statusCode(400);
    }

    @Test
    void aChannelCodeForAMemberWeComDoesNotKnowIsAConflictNotAServerError() {
        Employee gone = fixtures.rep("已不在通讯录"); // in Qingke, not in the (fake) WeCom directory
        given().header("Authorization", fixtures.bearer(gone)).contentType("application/json")
                .body("{\"name\": \"离职活码\"}").post("/api/wecom/channel-codes")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("通讯录"));
    }

    @Test
    void aGroupSendCreatesAPendingTemplateFromTheRepToTheCustomer() {
        Employee rep = people.rep("李娜");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "朱婷");
        long id = customerFor(rep, contact);
        int before = corp.templates().size();

        String msgId = given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"text\": \"朱总您好，报价单已更新\", \"linkTitle\": \"报价单\", \"linkUrl\": \"https://example.com/q/1\"}")
                .post("/api/wecom/customers/" + id + "/group-send").then().statusCode(201).extract().jsonPath().getString("msgId");

        assertEquals(before + 1, corp.templates().size());
        FakeWeComState.MsgTemplate sent = corp.templates().get(corp.templates().size() - 1);
        assertEquals(msgId, sent.msgId());
        assertEquals(rep.wecomUserId, sent.sender());
        assertEquals(List.of(contact.externalUserId), sent.externalUserIds());
        assertEquals("朱总您好，报价单已更新", sent.text());
        assertTrue(sent.attachmentsJson().contains("https://example.com/q/1"));

        given().header("Authorization", fixtures.bearer(people.rep("张伟"))).contentType("application/json")
                .body("{\"text\": \"hi\"}").post("/api/wecom/customers/" + id + "/group-send").then().statusCode(403);
    }
}
