package com.qingke.identity;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.customer.LifecycleStage;
import com.qingke.material.TrackedLink;
import com.qingke.opportunity.Opportunity;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.RowLocks;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.task.CrmTask;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.FirstContact;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Folds one customer into another and back. Everything that moves is written into the merge record (row ids, the
 * merged customer's own fields, the survivor's fields the merge filled in), which is what makes an undo exact.
 */
@ApplicationScoped
class CustomerMerger {
    private final EntityManager em;
    private final Audit audit;
    private final Event<CustomersMerged> merged;
    private final Event<MergeUndone> undone;

    CustomerMerger(EntityManager em, Audit audit, Event<CustomersMerged> merged, Event<MergeUndone> undone) {
        this.em = em;
        this.audit = audit;
        this.merged = merged;
        this.undone = undone;
    }

    /** Locks the two customers in id order (so two merges never wait on each other crosswise) and returns them. */
    List<Customer> lockPair(long a, long b) {
        List<Customer> locked = RowLocks.byIds(em, Customer.class, "customer", List.of(a, b));
        if (locked.size() != 2) {
            throw ProblemException.notFound("客户", a + " 或 " + b);
        }
        Customer first = locked.get(0);
        Customer second = locked.get(1);
        return a <= b ? List.of(first, second) : List.of(second, first);
    }

    /** The older of two customers survives; on a tie the smaller id. */
    static Customer olderOf(Customer a, Customer b) {
        int byAge = a.createdAt.compareTo(b.createdAt);
        if (byAge != 0) {
            return byAge < 0 ? a : b;
        }
        return a.id < b.id ? a : b;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    MergeRecord merge(Customer survivor, Customer gone, String reason, String actor) {
        if (Objects.equals(survivor.id, gone.id) || !survivor.corpId.equals(gone.corpId)) {
            throw new IllegalArgumentException("Cannot merge customer " + gone.id + " into " + survivor.id);
        }
        if (!survivor.isActive() || !gone.isActive()) {
            throw ProblemException.conflict("只能合并两个有效客户");
        }
        em.flush();
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("merged", CustomerFields.snapshot(gone));
        Map<String, Object> survivorBefore = CustomerFields.snapshot(survivor);

        moved.put("links", reassign(IdentityLink.class, "identity_link", gone.id, survivor.id, l -> l.id, (l, to) -> l.customerId = to));
        moved.put("followers", moveFollowers(gone.id, survivor.id));
        moved.put("events", reassign(BehaviourEvent.class, "behaviour_event", gone.id, survivor.id, e -> e.id, (e, to) -> e.customerId = to));
        moved.put("tasks", reassign(CrmTask.class, "task", gone.id, survivor.id, t -> t.id, (t, to) -> t.customerId = to));
        moved.put("opportunities", reassign(Opportunity.class, "opportunity", gone.id, survivor.id, o -> o.id, (o, to) -> o.customerId = to));
        moved.put("trackedLinks", reassign(TrackedLink.class, "tracked_link", gone.id, survivor.id, t -> t.id, (t, to) -> t.customerId = to));
        moved.put("actions", moveActions(gone, survivor));

        fillSurvivor(survivor, gone);
        // the merged customer's events are the survivor's now: its first contact counts if earlier (the merged row
        // keeps its own value; an undo works both out again from the events)
        FirstContact.mergeInto(survivor.id, gone.id);
        gone.status = CustomerStatus.MERGED;
        gone.survivorId = survivor.id;

        Map<String, Object> survivorAfter = CustomerFields.snapshot(survivor);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (String field : CustomerFields.changed(survivorBefore, survivorAfter)) {
            before.put(field, survivorBefore.get(field));
            after.put(field, survivorAfter.get(field));
        }
        moved.put("survivorBefore", before);
        moved.put("survivorAfter", after);

        MergeRecord record = new MergeRecord();
        record.corpId = survivor.corpId;
        record.survivorId = survivor.id;
        record.mergedId = gone.id;
        record.reason = reason.length() > 255 ? reason.substring(0, 255) : reason;
        record.moved = moved;
        record.mergedBy = actor;
        record.persist();
        em.flush();
        audit.record(survivor.corpId, actor, "CUSTOMER_MERGED", "customer", survivor.id,
                Map.of("mergeId", record.id, "mergedId", gone.id, "reason", record.reason));
        merged.fire(new CustomersMerged(survivor.corpId, record.id, survivor.id, gone.id));
        return record;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    MergeRecord undo(MergeRecord record, String actor) {
        if (record.undoneAt != null) {
            throw ProblemException.conflict("该合并已撤销");
        }
        List<Customer> pair = lockPair(record.survivorId, record.mergedId);
        Customer survivor = pair.get(0);
        Customer gone = pair.get(1);
        if (!survivor.isActive()) {
            throw ProblemException.conflict("保留的客户之后又被合并或删除，请先撤销之后的合并");
        }
        if (gone.status != CustomerStatus.MERGED || !Objects.equals(gone.survivorId, survivor.id)) {
            throw ProblemException.conflict("被合并的客户状态已变化，无法撤销");
        }
        Map<String, Object> moved = record.moved;
        giveBack(IdentityLink.class, "identity_link", ids(moved.get("links")), survivor.id, gone.id, l -> l.customerId, (l, to) -> l.customerId = to);
        giveBack(CustomerFollower.class, "customer_follower", ids(moved.get("followers")), survivor.id, gone.id, f -> f.customerId, (f, to) -> f.customerId = to);
        giveBack(BehaviourEvent.class, "behaviour_event", ids(moved.get("events")), survivor.id, gone.id, e -> e.customerId, (e, to) -> e.customerId = to);
        giveBack(CrmTask.class, "task", ids(moved.get("tasks")), survivor.id, gone.id, t -> t.customerId, (t, to) -> t.customerId = to);
        giveBack(Opportunity.class, "opportunity", ids(moved.get("opportunities")), survivor.id, gone.id, o -> o.customerId, (o, to) -> o.customerId = to);
        giveBack(TrackedLink.class, "tracked_link", ids(moved.get("trackedLinks")), survivor.id, gone.id, t -> t.customerId, (t, to) -> t.customerId = to);
        restoreActions(moved.get("actions"));
        // events went back (and either may have got new ones since the merge): both first contacts from scratch
        em.flush();
        FirstContact.recompute(survivor.id);
        FirstContact.recompute(gone.id);

        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) moved.getOrDefault("survivorBefore", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) moved.getOrDefault("survivorAfter", Map.of());
        Map<String, Object> current = CustomerFields.snapshot(survivor);
        Map<String, Object> restore = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : before.entrySet()) {
            // a field someone edited after the merge keeps its new value
            if (Objects.equals(normalise(current.get(e.getKey())), normalise(after.get(e.getKey())))) {
                restore.put(e.getKey(), e.getValue());
            }
        }
        CustomerFields.apply(survivor, restore);
        @SuppressWarnings("unchecked")
        Map<String, Object> goneBefore = (Map<String, Object>) moved.get("merged");
        CustomerFields.apply(gone, goneBefore);

        record.undoneAt = Instant.now();
        record.undoneBy = actor;
        em.flush();
        audit.record(record.corpId, actor, "CUSTOMER_MERGE_UNDONE", "customer", survivor.id,
                Map.of("mergeId", record.id, "mergedId", gone.id));
        undone.fire(new MergeUndone(record.corpId, record.id, survivor.id, gone.id));
        return record;
    }

    private <T extends PanacheEntityBase> List<Long> reassign(Class<T> type, String table, long from, long to, Function<T, Long> id,
                                                              java.util.function.BiConsumer<T, Long> setter) {
        List<T> rows = RowLocks.where(em, type, table, "customer_id", from);
        List<Long> ids = new ArrayList<>(rows.size());
        for (T row : rows) {
            setter.accept(row, to);
            ids.add(id.apply(row));
        }
        return ids;
    }

    /** A rep who already follows the survivor keeps that row; the merged customer's duplicate stays where it was. */
    private List<Long> moveFollowers(long from, long to) {
        List<CustomerFollower> theirs = RowLocks.where(em, CustomerFollower.class, "customer_follower", "customer_id", from);
        LinkedHashSet<Long> already = new LinkedHashSet<>();
        for (CustomerFollower f : CustomerFollower.<CustomerFollower>list("customerId", to)) {
            already.add(f.employeeId);
        }
        List<Long> ids = new ArrayList<>();
        for (CustomerFollower f : theirs) {
            if (already.add(f.employeeId)) {
                f.customerId = to;
                ids.add(f.id);
            }
        }
        return ids;
    }

    /**
     * Recommended actions keep "one open action per rule and customer" across the merge: when both customers have an
     * open action for the same rule, the one still only proposed gives way (SUPERSEDED). Every touched action is
     * recorded with its state before and after, and undo restores those still in the after-state.
     */
    private List<Map<String, Object>> moveActions(Customer gone, Customer survivor) {
        List<RecommendedAction> theirs = RowLocks.where(em, RecommendedAction.class, "recommended_action", "customer_id", gone.id);
        List<Map<String, Object>> touched = new ArrayList<>();
        List<Runnable> afterFlush = new ArrayList<>();
        for (RecommendedAction a : theirs) {
            Map<String, Object> entry = state(a);
            if (a.openKey == null) {
                a.customerId = survivor.id;
            } else {
                String key = RecommendedAction.openKey(survivor.id, a.ruleName);
                RecommendedAction ours = RecommendedAction.find("corpId = ?1 and openKey = ?2", a.corpId, key).firstResult();
                if (ours == null) {
                    a.customerId = survivor.id;
                    a.openKey = null;
                    afterFlush.add(() -> a.openKey = key);
                } else if (a.status == ActionStatus.PROPOSED) {
                    a.customerId = survivor.id;
                    a.status = ActionStatus.SUPERSEDED;
                    a.openKey = null;
                } else if (ours.status == ActionStatus.PROPOSED) {
                    Map<String, Object> oursEntry = state(ours);
                    ours.status = ActionStatus.SUPERSEDED;
                    ours.openKey = null;
                    a.customerId = survivor.id;
                    a.openKey = null;
                    afterFlush.add(() -> a.openKey = key);
                    afterFlush.add(() -> touched.add(withAfter(oursEntry, ours)));
                } else {
                    // both already confirmed by a rep: both stay open work, only one can hold the key
                    a.customerId = survivor.id;
                    a.openKey = null;
                }
            }
            afterFlush.add(() -> touched.add(withAfter(entry, a)));
        }
        // release keys before taking them, so the unique index never sees two holders within one flush
        em.flush();
        afterFlush.forEach(Runnable::run);
        em.flush();
        return touched;
    }

    private void restoreActions(Object recorded) {
        if (!(recorded instanceof List<?> list)) {
            return;
        }
        List<Runnable> takeKeys = new ArrayList<>();
        for (Object o : list) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) o;
            RecommendedAction a = RecommendedAction.findById(Long.valueOf(entry.get("id").toString()));
            if (a == null || !Objects.equals(stateKey(a), entry.get("after"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> before = (Map<String, Object>) entry.get("before");
            a.customerId = Long.valueOf(before.get("customerId").toString());
            a.status = ActionStatus.valueOf(before.get("status").toString());
            String key = (String) before.get("openKey");
            a.openKey = null;
            if (key != null) {
                takeKeys.add(() -> a.openKey = key);
            }
        }
        em.flush();
        takeKeys.forEach(Runnable::run);
        em.flush();
    }

    private static Map<String, Object> state(RecommendedAction a) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", a.id.toString());
        entry.put("before", stateKey(a));
        return entry;
    }

    private static Map<String, Object> withAfter(Map<String, Object> entry, RecommendedAction a) {
        entry.put("after", stateKey(a));
        return entry;
    }

    private static Map<String, Object> stateKey(RecommendedAction a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("customerId", a.customerId.toString());
        s.put("status", a.status.name());
        s.put("openKey", a.openKey);
        return s;
    }

    private <T extends PanacheEntityBase> void giveBack(Class<T> type, String table, List<Long> ids, long from, long to,
                                                        Function<T, Long> owner, java.util.function.BiConsumer<T, Long> setter) {
        for (T row : RowLocks.byIds(em, type, table, ids)) {
            // a row that moved on since (reassigned by a later merge) is left where it is; a deleted one is gone
            if (Objects.equals(owner.apply(row), from)) {
                setter.accept(row, to);
            }
        }
    }

    /** Blanks of the survivor are filled from the merged customer; tags are united; attribution stays first-touch. */
    private static void fillSurvivor(Customer s, Customer m) {
        if (CustomerSeed.isPlaceholder(s.name) && !CustomerSeed.isPlaceholder(m.name)) {
            s.name = m.name;
        }
        s.phone = firstNonBlank(s.phone, m.phone);
        s.company = firstNonBlank(s.company, m.company);
        s.position = firstNonBlank(s.position, m.position);
        s.avatarUrl = firstNonBlank(s.avatarUrl, m.avatarUrl);
        s.gender = s.gender != null ? s.gender : m.gender;
        LinkedHashSet<String> tags = new LinkedHashSet<>(s.tags);
        tags.addAll(m.tags);
        if (tags.size() != s.tags.size()) {
            s.tags = new ArrayList<>(tags);
        }
        if (s.lifecycleStage == LifecycleStage.LEAD && m.lifecycleStage != LifecycleStage.LEAD) {
            s.lifecycleStage = m.lifecycleStage;
        }
        s.ownerId = s.ownerId != null ? s.ownerId : m.ownerId;
        if (s.sourceChannel == null && s.campaignId == null) {
            s.sourceChannel = m.sourceChannel;
            s.campaignId = m.campaignId;
        }
        if (s.consentAt == null && m.consentAt != null) {
            s.consentAt = m.consentAt;
            s.consentText = m.consentText;
        }
        if (m.lastActivityAt != null && (s.lastActivityAt == null || m.lastActivityAt.isAfter(s.lastActivityAt))) {
            s.lastActivityAt = m.lastActivityAt;
        }
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Object normalise(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : o;
    }

    static List<Long> ids(Object recorded) {
        List<Long> ids = new ArrayList<>();
        if (recorded instanceof List<?> list) {
            list.forEach(o -> ids.add(Long.valueOf(o.toString())));
        }
        return ids;
    }
}
