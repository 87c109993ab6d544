package com.qingke.identity;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.material.TrackedLink;
import com.qingke.opportunity.Opportunity;
import com.qingke.platform.QingkeConfig;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.support.Fixtures;
import com.qingke.task.CrmTask;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class IdentityServiceTest {
    @Inject IdentityService identity;
    @Inject Fixtures fixtures;
    @Inject QingkeConfig config;

    static String uid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static String phone() {
        return "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    ResolvedCustomer resolve(List<IdentityKey> keys, CustomerSeed seed) {
        return QuarkusTransaction.requiringNew().call(() -> identity.resolveOrCreate(config.corpId(), keys, seed, Channel.OA_QR, null));
    }

    @Test
    void strongKeysPointingAtTwoCustomersMergeThemIntoTheOlder() {
        String openid = uid("o"), unionid = uid("u");
        long a = resolve(List.of(IdentityKey.openid(openid)), CustomerSeed.named("甲")).customerId();
        long b = resolve(List.of(IdentityKey.unionid(unionid)), CustomerSeed.named("乙")).customerId();
        assertNotEquals(a, b);

        ResolvedCustomer both = resolve(List.of(IdentityKey.openid(openid), IdentityKey.unionid(unionid)), CustomerSeed.named("甲"));

        assertEquals(a, both.customerId(), "the older customer survives");
        assertEquals(1, both.mergeIds().size());
        QuarkusTransaction.requiringNew().run(() -> {
            Customer gone = Customer.findById(b);
            assertEquals(CustomerStatus.MERGED, gone.status);
            assertEquals(a, gone.survivorId);
            assertEquals(2, IdentityLink.count("customerId", a));
            MergeRecord record = MergeRecord.findById(both.mergeIds().get(0));
            assertEquals(a, record.survivorId);
            assertEquals(b, record.mergedId);
        });
    }

    @Test
    void aPhoneWithOneCandidateAttachesAndWithSeveralRaisesSuggestionsInsteadOfMerging() {
        String single = phone();
        long known = resolve(List.of(IdentityKey.phone(single)), CustomerSeed.named("孙丽")).customerId();
        ResolvedCustomer again = resolve(List.of(IdentityKey.phone(single), IdentityKey.openid(uid("o"))), CustomerSeed.named("孙丽"));
        assertEquals(known, again.customerId());
        assertFalse(again.created());

        String shared = phone();
        Employee rep = fixtures.rep("王芳");
        Customer first = customerWithPhone(rep, "前台小王", shared);
        Customer second = customerWithPhone(rep, "采购老李", shared);

        ResolvedCustomer arrival = resolve(List.of(IdentityKey.phone(shared)), CustomerSeed.named("李先生").withPhone(shared));

        assertTrue(arrival.created(), "an ambiguous phone never merges on its own");
        assertTrue(arrival.mergeIds().isEmpty());
        assertEquals(2, arrival.suggestionIds().size());
        QuarkusTransaction.requiringNew().run(() -> {
            for (Long id : arrival.suggestionIds()) {
                MergeSuggestion s = MergeSuggestion.findById(id);
                assertEquals(MergeSuggestion.Status.OPEN, s.status);
                assertEquals(arrival.customerId(), s.customerId);
                assertEquals(IdentityKind.PHONE, s.matchKind);
            }
            assertEquals(CustomerStatus.ACTIVE, ((Customer) Customer.findById(first.id)).status);
            assertEquals(CustomerStatus.ACTIVE, ((Customer) Customer.findById(second.id)).status);
            assertEquals(shared, ((Customer) Customer.findById(arrival.customerId())).phone);
        });

        // the same person with the same ambiguous phone again is the same lead, and raises nothing new
        ResolvedCustomer repeat = resolve(List.of(IdentityKey.phone(shared)), CustomerSeed.named("李先生"));
        assertEquals(arrival.customerId(), repeat.customerId());
        assertFalse(repeat.created());
        assertTrue(repeat.suggestionIds().isEmpty());
    }

    @Test
    void aPhoneSharedWithSomeoneOfAnotherUnionidIsSuggestedNotMerged() {
        String phone = phone();
        long wechatUserA = resolve(List.of(IdentityKey.unionid(uid("u")), IdentityKey.phone(phone)), CustomerSeed.named("甲")).customerId();
        ResolvedCustomer userB = resolve(List.of(IdentityKey.unionid(uid("u")), IdentityKey.phone(phone)), CustomerSeed.named("乙"));
        assertNotEquals(wechatUserA, userB.customerId());
        assertTrue(userB.mergeIds().isEmpty());
        assertEquals(1, userB.suggestionIds().size());
    }

    @Test
    void acceptingASuggestionMergesAndRejectingKeepsBoth() {
        String shared = phone();
        Employee rep = fixtures.rep("陈杰");
        Customer one = customerWithPhone(rep, "张一", shared);
        Customer two = customerWithPhone(rep, "张二", shared);
        ResolvedCustomer arrival = resolve(List.of(IdentityKey.phone(shared)), CustomerSeed.named("张三"));
        long toOne = suggestionFor(arrival, one.id);
        long toTwo = suggestionFor(arrival, two.id);

        QuarkusTransaction.requiringNew().run(() -> identity.rejectSuggestion(toTwo, "employee:" + rep.id));
        QuarkusTransaction.requiringNew().run(() -> identity.acceptSuggestion(toOne, "employee:" + rep.id));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(CustomerStatus.MERGED, ((Customer) Customer.findById(arrival.customerId())).status);
            assertEquals(one.id, ((Customer) Customer.findById(arrival.customerId())).survivorId);
            assertEquals(CustomerStatus.ACTIVE, ((Customer) Customer.findById(two.id)).status);
            assertEquals(MergeSuggestion.Status.REJECTED, ((MergeSuggestion) MergeSuggestion.findById(toTwo)).status);
            assertEquals(MergeSuggestion.Status.ACCEPTED, ((MergeSuggestion) MergeSuggestion.findById(toOne)).status);
        });
    }

    @Test
    void undoingAMergeRestoresBothCustomersExactly() {
        Employee rep = fixtures.rep("张伟");
        Employee other = fixtures.rep("李娜");
        String openid = uid("o"), unionid = uid("u");
        long a = resolve(List.of(IdentityKey.openid(openid)), CustomerSeed.named(CustomerSeed.placeholderName(openid))).customerId();
        long b = resolve(List.of(IdentityKey.unionid(unionid), IdentityKey.crmId(uid("crm"))),
                new CustomerSeed("周杰", phone(), "无锡精工", "采购经理", null, 1, List.of("机床", "华东"), Instant.now(), "同意")).customerId();
        QuarkusTransaction.requiringNew().run(() -> {
            Customer ca = Customer.findById(a);
            ca.ownerId = rep.id;
            ca.tags.add("老客户");
            Customer cb = Customer.findById(b);
            cb.ownerId = other.id;
            cb.intentScore = 42.0;
            cb.intentGrade = "B";
            cb.lastActivityAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (long id : new long[] {a, b}) {
                follower(id, rep.id);
                event(id);
                task(id, rep.id);
                opportunity(id, rep.id);
                action(id, "沉默客户跟进", ActionStatus.PROPOSED);
                trackedLink(id);
            }
            follower(b, other.id);
            action(b, "报价跟进", ActionStatus.CONFIRMED);
        });
        Map<String, Object> beforeA = state(a);
        Map<String, Object> beforeB = state(b);

        ResolvedCustomer merged = resolve(List.of(IdentityKey.openid(openid), IdentityKey.unionid(unionid)), CustomerSeed.named("周杰"));
        assertEquals(a, merged.customerId());
        QuarkusTransaction.requiringNew().run(() -> {
            Customer survivor = Customer.findById(a);
            assertEquals("周杰", survivor.name, "the real name replaces the placeholder");
            assertEquals("无锡精工", survivor.company);
            assertEquals(2, BehaviourEvent.count("customerId", a));
            assertEquals(2, Opportunity.count("customerId", a));
            assertEquals(0, BehaviourEvent.count("customerId", b));
            assertEquals(1, RecommendedAction.count("customerId = ?1 and status = ?2", a, ActionStatus.SUPERSEDED),
                    "two open actions of one rule on one customer: the merged one gives way");
        });

        QuarkusTransaction.requiringNew().run(() -> identity.undoMerge(merged.mergeIds().get(0), "employee:manager"));

        assertEquals(beforeA, state(a));
        assertEquals(beforeB, state(b));
        QuarkusTransaction.requiringNew().run(() -> {
            MergeRecord record = MergeRecord.findById(merged.mergeIds().get(0));
            assertNotNull(record.undoneAt);
            assertEquals("employee:manager", record.undoneBy);
        });
        // the same strong keys arriving again merge them again: undo is not a promise they are different people
        assertThrowsConflictWhenUndoneTwice(merged.mergeIds().get(0));
    }

    private void assertThrowsConflictWhenUndoneTwice(long mergeId) {
        com.qingke.platform.ProblemException e = assertThrows(com.qingke.platform.ProblemException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> identity.undoMerge(mergeId, "employee:manager")));
        assertEquals(409, e.status());
    }

    /** Everything that belongs to a customer, as comparable values. */
    private Map<String, Object> state(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> s = new TreeMap<>();
            Customer c = Customer.findById(id);
            s.put("fields", CustomerFields.snapshot(c));
            s.put("links", IdentityLink.<IdentityLink>list("customerId = ?1 order by id", id).stream().map(l -> l.id + ":" + l.kind + ":" + l.value).toList());
            s.put("followers", CustomerFollower.<CustomerFollower>list("customerId = ?1 order by id", id).stream().map(f -> f.id + ":" + f.employeeId).toList());
            s.put("events", BehaviourEvent.<BehaviourEvent>list("customerId = ?1 order by id", id).stream().map(e -> e.id).toList());
            s.put("tasks", CrmTask.<CrmTask>list("customerId = ?1 order by id", id).stream().map(t -> t.id).toList());
            s.put("opportunities", Opportunity.<Opportunity>list("customerId = ?1 order by id", id).stream().map(o -> o.id).toList());
            s.put("actions", RecommendedAction.<RecommendedAction>list("customerId = ?1 order by id", id).stream()
                    .map(x -> x.id + ":" + x.status + ":" + x.openKey).toList());
            s.put("trackedLinks", TrackedLink.<TrackedLink>list("customerId = ?1 order by id", id).stream().map(t -> t.id).toList());
            return s;
        });
    }

    private Customer customerWithPhone(Employee owner, String name, String phone) {
        Customer c = fixtures.customerOf(owner, name);
        QuarkusTransaction.requiringNew().run(() -> ((Customer) Customer.findById(c.id)).phone = phone);
        c.phone = phone;
        return c;
    }

    private long suggestionFor(ResolvedCustomer arrival, long candidate) {
        return QuarkusTransaction.requiringNew().call(() -> MergeSuggestion.<MergeSuggestion>list("customerId = ?1 and candidateId = ?2",
                arrival.customerId(), candidate).get(0).id);
    }

    private void follower(long customerId, long employeeId) {
        CustomerFollower f = new CustomerFollower();
        f.corpId = config.corpId();
        f.customerId = customerId;
        f.employeeId = employeeId;
        f.persist();
    }

    private void event(long customerId) {
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = config.corpId();
        e.customerId = customerId;
        e.type = EventType.VIEWED_QUOTE;
        e.occurredAt = Instant.now();
        e.metadata = Map.of("page", "price");
        e.persist();
    }

    private void task(long customerId, long assignee) {
        CrmTask t = new CrmTask();
        t.corpId = config.corpId();
        t.customerId = customerId;
        t.assigneeId = assignee;
        t.title = "回访";
        t.persist();
    }

    private void opportunity(long customerId, long owner) {
        Opportunity o = new Opportunity();
        o.corpId = config.corpId();
        o.customerId = customerId;
        o.ownerId = owner;
        o.name = "商机" + customerId;
        o.persist();
    }

    private void action(long customerId, String rule, ActionStatus status) {
        RecommendedAction a = new RecommendedAction();
        a.corpId = config.corpId();
        a.customerId = customerId;
        a.ruleName = rule;
        a.kind = ActionKind.TASK;
        a.priority = 1;
        a.title = rule;
        a.status = status;
        a.openKey = RecommendedAction.openKey(customerId, rule);
        a.persist();
    }

    private void trackedLink(long customerId) {
        TrackedLink t = new TrackedLink();
        t.corpId = config.corpId();
        t.token = uid("t");
        t.materialId = 1L;
        t.customerId = customerId;
        t.persist();
    }
}
