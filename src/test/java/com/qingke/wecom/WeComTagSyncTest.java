package com.qingke.wecom;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.OutboxEvent;
import com.qingke.inbox.OutboxWorker;
import com.qingke.platform.AuditEntry;
import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Tags go both ways: a tag added or removed in WeCom (edit_external_contact, then externalcontact/get) is added or
 * removed in Qingke; a change made in Qingke reaches WeCom through the outbox (mark_tag), also when WeCom fails first.
 */
@QuarkusTest
class WeComTagSyncTest {
    static final String MARK_TAG = "/cgi-bin/externalcontact/mark_tag";

    @Inject WeComFixtures people;
    @Inject Fixtures fixtures;
    @Inject FakeWeComState corp;
    @Inject FakeWeComCallbacks wecomSide;
    @Inject OutboxWorker outbox;

    private long open(Employee rep, FakeWeComState.Contact contact) {
        return given().header("Authorization", fixtures.bearer(rep))
                .get("/api/wecom/external-contacts/" + contact.externalUserId + "/customer")
                .then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private static List<String> tagsOf(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(Customer.<Customer>findById(customerId).tags));
    }

    private List<String> inWeCom(FakeWeComState.Contact contact, String userId) {
        return contact.follows.get(userId).tagIds.stream().map(id -> corp.tag(id).orElseThrow().name()).sorted().toList();
    }

    private void setTagsInQingke(Employee rep, long id, String... tags) {
        StringBuilder body = new StringBuilder("{\"tags\": [");
        for (int i = 0; i < tags.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(tags[i]).append('"');
        }
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json").body(body.append("]}").toString())
                .put("/api/customers/" + id + "/tags").then().statusCode(200);
    }

    private static final AtomicLong LAST_EDIT = new AtomicLong();

    /**
     * The rep edits the contact in WeCom (the tags were changed on the fake's relation before): WeCom's callback. Each
     * edit gets a CreateTime of its own: two edits of one relation in the same second are one event to the inbox.
     */
    private void editedInWeCom(FakeWeComState.Contact contact, String userId) {
        long createTime = LAST_EDIT.updateAndGet(last -> Math.max(last + 1, Instant.now().getEpochSecond()));
        String xml = wecomSide.changeExternalContactXml("edit_external_contact", userId, contact.externalUserId, Map.of(), createTime);
        assertEquals(200, wecomSide.deliver(wecomSide.encrypt(xml)).status());
        people.processInbox();
    }

    private static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aTagAddedOrRemovedInWeComIsAddedOrRemovedInQingkeAndQingkeOnlyTagsStay() {
        Employee rep = people.rep("张伟");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "杨帆");
        FakeWeComState.Tag a = corp.addTag(name("甲"), "测试分组");
        FakeWeComState.Tag b = corp.addTag(name("乙"), "测试分组");
        FakeWeComState.Tag d = corp.addTag(name("丁"), "测试分组");
        FakeWeComState.Follow relation = contact.follows.get(rep.wecomUserId);
        relation.tagIds.addAll(List.of(a.id(), b.id()));
        long id = open(rep, contact);
        assertTrue(tagsOf(id).containsAll(List.of(a.name(), b.name())));

        String qingkeOnly = name("丙");
        QuarkusTransaction.requiringNew().run(() -> {
            Customer c = Customer.findById(id);
            List<String> tags = new ArrayList<>(c.tags);
            tags.add(qingkeOnly); // e.g. from a CSV import, never written to WeCom
            c.tags = tags;
        });
        relation.tagIds.remove(b.id());
        relation.tagIds.add(d.id());
        editedInWeCom(contact, rep.wecomUserId);

        List<String> tags = tagsOf(id);
        assertTrue(tags.contains(a.name()));
        assertFalse(tags.contains(b.name()), "removed in WeCom, removed in Qingke: " + tags);
        assertTrue(tags.contains(d.name()), "added in WeCom, added in Qingke");
        assertTrue(tags.contains(qingkeOnly), "WeCom never showed it, so WeCom did not remove it");
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = ?1 and entityId = ?2 and actor = ?3", "CUSTOMER_TAGS_CHANGED", id, "wecom")), "first sight, then the edit");
    }

    @Test
    void aTagChangeInQingkeReachesWeComOnceAfterWeComFailedAndAnEditMeanwhileDoesNotUndoIt() {
        Employee rep = people.rep("王芳");
        FakeWeComState.Contact contact = people.contactOf(rep.wecomUserId, "朱婷");
        FakeWeComState.Tag old = corp.addTag(name("旧"), "测试分组");
        contact.follows.get(rep.wecomUserId).tagIds.add(old.id());
        long id = open(rep, contact);
        String fresh = name("新");

        corp.setDown(MARK_TAG, true);
        try {
            setTagsInQingke(rep, id, fresh); // adds fresh, removes old
            outbox.drain();
            OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("topic = ?1 and aggregateId = ?2",
                    TagWriteBack.TOPIC, id).singleResult());
            assertEquals(InboxStatus.PENDING, row.status, "kept for a retry");
            assertTrue(row.attempts >= 1);
            assertEquals(List.of(old.name()), inWeCom(contact, rep.wecomUserId), "WeCom is down: nothing changed there yet");

            // meanwhile the rep edits the contact in WeCom; WeCom still shows the old tag, which must not come back
            editedInWeCom(contact, rep.wecomUserId);
            assertEquals(List.of(fresh), tagsOf(id));
        } finally {
            corp.setDown(MARK_TAG, false);
        }
        people.drainOutbox(id);
        assertEquals(List.of(fresh), inWeCom(contact, rep.wecomUserId));
        int calls = corp.callCount(MARK_TAG);
        outbox.drain();
        assertEquals(calls, corp.callCount(MARK_TAG), "written once: nothing is sent again");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and entityId = ?2",
                "WECOM_TAGS_WRITTEN", id)));

        // WeCom now shows what Qingke wrote; removing it there later is mirrored back
        editedInWeCom(contact, rep.wecomUserId);
        assertEquals(List.of(fresh), tagsOf(id));
        contact.follows.get(rep.wecomUserId).tagIds.clear();
        editedInWeCom(contact, rep.wecomUserId);
        assertEquals(List.of(), tagsOf(id));
    }

    @Test
    void aRemovedTagLeavesEveryRelationSoTheUnionInWeComAgrees() {
        Employee owner = people.rep("李娜");
        Employee colleague = people.rep("陈杰");
        FakeWeComState.Contact contact = people.contactOf(owner.wecomUserId, "秦川");
        corp.follow(contact, colleague.wecomUserId, 201, null);
        FakeWeComState.Tag shared = corp.addTag(name("共"), "测试分组");
        contact.follows.get(owner.wecomUserId).tagIds.add(shared.id());
        contact.follows.get(colleague.wecomUserId).tagIds.add(shared.id());
        long id = open(owner, contact);
        assertTrue(tagsOf(id).contains(shared.name()));

        setTagsInQingke(owner, id);
        people.drainOutbox(id);
        assertEquals(List.of(), inWeCom(contact, owner.wecomUserId));
        assertEquals(List.of(), inWeCom(contact, colleague.wecomUserId));
        editedInWeCom(contact, colleague.wecomUserId);
        assertEquals(List.of(), tagsOf(id));
    }
}
