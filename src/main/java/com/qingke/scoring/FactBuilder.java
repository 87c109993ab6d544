package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.employee.Employee;
import com.qingke.opportunity.DecisionChainStatus;
import com.qingke.opportunity.DecisionContact;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.PaymentStatus;
import com.qingke.opportunity.Stage;
import com.qingke.platform.JsonMapConverter;
import com.qingke.recommendation.facts.Activity;
import com.qingke.recommendation.facts.ActivityEvent;
import com.qingke.recommendation.facts.CustomerFact;
import com.qingke.recommendation.facts.Days;
import com.qingke.recommendation.facts.FactSet;
import com.qingke.recommendation.facts.OpportunityFact;
import com.qingke.recommendation.facts.TaskFact;
import com.qingke.task.CrmTask;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the rule facts of customers from the database, a batch at a time (a handful of queries per batch, not per
 * customer). Reads only.
 */
@ApplicationScoped
public class FactBuilder {
    /** What the customer does, as opposed to what the rep does: these make a customer "active". */
    public static final Set<EventType> CUSTOMER_ACTIVITY = EnumSet.of(EventType.SCAN, EventType.SUBSCRIBE, EventType.MENU_CLICK,
            EventType.PAGE_VIEW, EventType.FORM_SUBMITTED, EventType.ADDED_WECOM, EventType.CHAT, EventType.VIEWED_QUOTE,
            EventType.DOWNLOADED_MATERIAL);
    /** A rep reaching out. */
    static final Set<EventType> OUTREACH = EnumSet.of(EventType.MESSAGE_SENT, EventType.CALL);

    private final EntityManager em;
    private final ScoringConfig config;
    private final WinRateEstimator winRate;
    private final StageDurations stageDurations;

    public FactBuilder(EntityManager em, ScoringConfig config, WinRateEstimator winRate, StageDurations stageDurations) {
        this.em = em;
        this.config = config;
        this.winRate = winRate;
        this.stageDurations = stageDurations;
    }

    public CustomerFacts build(Customer customer, Instant now) {
        return build(List.of(customer), now).get(customer.id);
    }

    /** Facts per customer id, in the order given. */
    public Map<Long, CustomerFacts> build(List<Customer> customers, Instant now) {
        Map<Long, CustomerFacts> result = new LinkedHashMap<>();
        if (customers.isEmpty()) {
            return result;
        }
        // Reads only: pending changes are flushed once here, and the reads below do not flush again. Left to AUTO,
        // every one of the queries below dirty-checks every entity in the persistence context first (a chunk's
        // customers, then its opportunities, contacts, tasks...): a tenth of a rescore's CPU went into those flushes.
        // (A caller that never flushes, like the rules dry run, keeps its MANUAL mode.)
        Session session = em.unwrap(Session.class);
        FlushMode flushMode = session.getHibernateFlushMode();
        if (flushMode == FlushMode.MANUAL) {
            return read(customers, now, result);
        }
        session.flush();
        session.setHibernateFlushMode(FlushMode.COMMIT);
        try {
            return read(customers, now, result);
        } finally {
            session.setHibernateFlushMode(flushMode);
        }
    }

    private Map<Long, CustomerFacts> read(List<Customer> customers, Instant now, Map<Long, CustomerFacts> result) {
        List<Long> ids = customers.stream().map(c -> c.id).toList();
        Instant since = now.minus(Duration.ofDays(config.lookbackDays()));
        Events read = events(ids, since);
        Map<Long, List<ActivityEvent>> events = read.recent();
        Map<Long, Map<EventType, Instant>> lastByType = read.lastByType();
        Map<Long, List<CustomerFollower>> followers = CustomerFollower.<CustomerFollower>list("customerId in ?1", ids).stream()
                .collect(Collectors.groupingBy(f -> f.customerId));
        Map<Long, List<Opportunity>> opportunities = Opportunity.<Opportunity>list(
                        "customerId in ?1 and (stage not in ?2 or (stage = ?3 and paymentStatus in ?4)) order by id",
                        ids, List.of(Stage.WON, Stage.LOST), Stage.WON, List.of(PaymentStatus.PENDING, PaymentStatus.OVERDUE))
                .stream().collect(Collectors.groupingBy(o -> o.customerId));
        List<Long> opportunityIds = opportunities.values().stream().flatMap(List::stream).map(o -> o.id).toList();
        Map<Long, List<DecisionContact>> contacts = opportunityIds.isEmpty() ? Map.of()
                : DecisionContact.<DecisionContact>list("opportunityId in ?1", opportunityIds).stream()
                .collect(Collectors.groupingBy(d -> d.opportunityId));
        Map<Long, List<CrmTask>> tasks = CrmTask.<CrmTask>list("customerId in ?1 and status = ?2 order by id", ids, TaskStatus.OPEN)
                .stream().collect(Collectors.groupingBy(t -> t.customerId));
        List<Long> ownerIds = customers.stream().map(c -> c.ownerId).filter(id -> id != null).distinct().toList();
        Map<Long, String> ownerNames = ownerIds.isEmpty() ? Map.of()
                : Employee.<Employee>list("id in ?1", ownerIds).stream().collect(Collectors.toMap(e -> e.id, e -> e.name));

        for (Customer customer : customers) {
            Activity activity = new Activity(now, config.lookbackDays(), events.getOrDefault(customer.id, List.of()));
            Map<EventType, Instant> last = lastByType.getOrDefault(customer.id, Map.of());
            CustomerFact fact = customerFact(customer, last, followers.getOrDefault(customer.id, List.of()), ownerNames, now);
            Map<Long, WinRateEstimate> winRates = new HashMap<>();
            List<OpportunityFact> opportunityFacts = new ArrayList<>();
            for (Opportunity o : opportunities.getOrDefault(customer.id, List.of())) {
                OpportunityFact of = opportunityFact(o, contacts.getOrDefault(o.id, List.of()), activity, now);
                WinRateEstimate estimate = winRate.estimate(snapshot(o, of, activity, fact.getDaysSinceLastActivity()));
                of.setWinRate(estimate.probability());
                of.setWinRateFactors(estimate.factors());
                winRates.put(o.id, estimate);
                opportunityFacts.add(of);
            }
            fact.setOpenOpportunityCount((int) opportunityFacts.stream().filter(OpportunityFact::isOpen).count());
            List<TaskFact> taskFacts = tasks.getOrDefault(customer.id, List.of()).stream().map(t -> taskFact(t, now)).toList();
            fact.setOpenTaskCount(taskFacts.size());
            fact.setOverdueTaskCount((int) taskFacts.stream().filter(TaskFact::isOverdue).count());
            result.put(customer.id, new CustomerFacts(new FactSet(fact, activity, opportunityFacts, taskFacts), winRates));
        }
        return result;
    }

    private record Events(Map<Long, List<ActivityEvent>> recent, Map<Long, Map<EventType, Instant>> lastByType) {
    }

    /** Event types whose metadata may name a material (ActivityEvent.materialId). */
    private static final List<String> MATERIAL_TYPES = List.of(EventType.VIEWED_QUOTE.name(), EventType.DOWNLOADED_MATERIAL.name(),
            EventType.MESSAGE_SENT.name());

    /**
     * The look-back window's events and the latest event of every type (all time), in one statement that the index
     * (customer_id, type, occurred_at) answers alone, without reading a single event row: entities would parse every
     * event's JSON metadata, and even a projection of the metadata column costs a primary-key lookup per event — for
     * a full rescore two million of them, most from disk. Only the window's events of the types that can carry a
     * material then read their metadata, with a second statement, and only when there are any.
     */
    private Events events(List<Long> ids, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select customer_id c, type t, occurred_at o, id i, 0 k from behaviour_event "
                        + "where customer_id in (:ids) and occurred_at >= :since "
                        + "union all select customer_id, type, max(occurred_at), 0, 1 from behaviour_event "
                        + "where customer_id in (:ids) group by customer_id, type")
                .unwrap(NativeQuery.class)
                .addScalar("c", StandardBasicTypes.LONG).addScalar("t", StandardBasicTypes.STRING)
                .addScalar("o", StandardBasicTypes.INSTANT).addScalar("i", StandardBasicTypes.LONG)
                .addScalar("k", StandardBasicTypes.INTEGER)
                .setParameter("ids", ids).setParameter("since", since)
                .getResultList();
        record Row(long customerId, String type, Instant occurredAt, long id) {
        }
        Map<Long, List<Row>> window = new HashMap<>();
        Map<Long, Map<EventType, Instant>> last = new HashMap<>();
        Set<Long> withMaterialTypes = new TreeSet<>();
        for (Object[] row : rows) {
            long customerId = ((Number) row[0]).longValue();
            String type = (String) row[1];
            Instant at = (Instant) row[2];
            if (((Number) row[4]).intValue() == 1) {
                last.computeIfAbsent(customerId, k -> new EnumMap<>(EventType.class)).put(EventType.valueOf(type), at);
            } else {
                window.computeIfAbsent(customerId, k -> new ArrayList<>()).add(new Row(customerId, type, at, ((Number) row[3]).longValue()));
                if (MATERIAL_TYPES.contains(type)) {
                    withMaterialTypes.add(customerId);
                }
            }
        }
        Map<Long, Long> materials = withMaterialTypes.isEmpty() ? Map.of() : materialIds(List.copyOf(withMaterialTypes), since);
        Comparator<Row> chronological = Comparator.comparing(Row::occurredAt).thenComparingLong(Row::id);
        Map<Long, List<ActivityEvent>> recent = new HashMap<>();
        window.forEach((customerId, list) -> {
            list.sort(chronological);
            List<ActivityEvent> events = new ArrayList<>(list.size());
            for (Row r : list) {
                events.add(new ActivityEvent(r.type(), r.occurredAt(), materials.get(r.id())));
            }
            recent.put(customerId, events);
        });
        return new Events(recent, last);
    }

    /** Material id per event id, for the window's events of the types that can name one. */
    private Map<Long, Long> materialIds(List<Long> customerIds, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id i, metadata m from behaviour_event where customer_id in (:ids) "
                        + "and type in (:types) and occurred_at >= :since and metadata like '%materialId%'")
                .unwrap(NativeQuery.class)
                .addScalar("i", StandardBasicTypes.LONG).addScalar("m", StandardBasicTypes.STRING)
                .setParameter("ids", customerIds).setParameter("types", MATERIAL_TYPES).setParameter("since", since)
                .getResultList();
        Map<Long, Long> materials = new HashMap<>();
        for (Object[] row : rows) {
            Long materialId = materialId((String) row[1]);
            if (materialId != null) {
                materials.put(((Number) row[0]).longValue(), materialId);
            }
        }
        return materials;
    }

    static Long materialId(String json) {
        if (json == null || !json.contains("materialId")) {
            return null;
        }
        Object value = new JsonMapConverter().convertToEntityAttribute(json).get("materialId");
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(value.toString());
        } catch (NumberFormatException ignored) {
            return null;
        }
    }

    private static CustomerFact customerFact(Customer c, Map<EventType, Instant> last, List<CustomerFollower> followers,
                                             Map<Long, String> ownerNames, Instant now) {
        CustomerFact f = new CustomerFact();
        f.setCustomerId(c.id);
        f.setName(c.name);
        f.setCompany(c.company);
        f.setPosition(c.position);
        f.setLifecycleStage(c.lifecycleStage.name());
        f.setTags(c.tags);
        f.setOwnerId(c.ownerId);
        f.setOwnerName(c.ownerId == null ? null : ownerNames.get(c.ownerId));
        f.setSourceChannel(c.sourceChannel == null ? null : c.sourceChannel.name());
        f.setDaysSinceCreated(Days.between(c.createdAt, now));
        Instant lastActivity = latest(last, CUSTOMER_ACTIVITY);
        // a customer who never did anything has been silent since they were created
        f.setDaysSinceLastActivity(Days.between(lastActivity != null ? lastActivity : c.createdAt, now));
        f.setDaysSinceLastOutreach(Days.between(latest(last, OUTREACH), now));
        boolean connected = followers.stream().anyMatch(x -> x.active && x.deletedByCustomerAt == null);
        f.setWecomConnected(connected);
        Instant deletedAt = deletedRepAt(last, followers, connected);
        f.setDeletedRep(deletedAt != null);
        f.setDaysSinceDeletedRep(Days.between(deletedAt, now));
        f.setPreviousIntentGrade(c.intentGrade);
        return f;
    }

    /** When the customer deleted the rep, if that is the latest word on the relation; null otherwise. */
    private static Instant deletedRepAt(Map<EventType, Instant> last, List<CustomerFollower> followers, boolean connected) {
        Instant deletedEvent = last.get(EventType.DELETED_BY_CUSTOMER);
        Instant addedEvent = last.get(EventType.ADDED_WECOM);
        if (deletedEvent != null && (addedEvent == null || deletedEvent.isAfter(addedEvent))) {
            return deletedEvent;
        }
        if (!connected) {
            return followers.stream().map(x -> x.deletedByCustomerAt).filter(t -> t != null).max(Instant::compareTo).orElse(null);
        }
        return null;
    }

    private static Instant latest(Map<EventType, Instant> last, Set<EventType> types) {
        return types.stream().map(last::get).filter(t -> t != null).max(Instant::compareTo).orElse(null);
    }

    private OpportunityFact opportunityFact(Opportunity o, List<DecisionContact> contacts, Activity activity, Instant now) {
        OpportunityFact f = new OpportunityFact();
        f.setOpportunityId(o.id);
        f.setName(o.name);
        f.setStage(o.stage.name());
        f.setStageLabel(o.stage.label());
        f.setStageOrder(o.stage.ordinal());
        f.setOpen(!o.stage.isClosed());
        f.setWon(o.stage == Stage.WON);
        f.setAmount(o.amount == null ? 0 : o.amount.doubleValue());
        f.setAgeDays(Days.between(o.createdAt, now));
        f.setDaysInStage(Days.between(o.stageChangedAt, now));
        f.setUsualDaysInStage(stageDurations.usualDays(o.corpId, o.stage));
        f.setContactCount(o.contactCount);
        f.setDecisionContacts(contacts.size());
        f.setContactsReached((int) contacts.stream().filter(d -> d.reached).count());
        boolean decisionMaker = o.decisionChainStatus == DecisionChainStatus.DECISION_MAKER_REACHED
                || contacts.stream().anyMatch(d -> d.reached && d.role == DecisionRole.DECISION_MAKER);
        f.setDecisionMakerReached(decisionMaker);
        f.setDecisionChainStatus(decisionMaker ? DecisionChainStatus.DECISION_MAKER_REACHED.name()
                : (o.decisionChainStatus == null ? DecisionChainStatus.NONE : o.decisionChainStatus).name());
        f.setPaymentStatus(o.paymentStatus.name());
        boolean pastDue = o.paymentDueAt != null && o.paymentDueAt.isBefore(now);
        boolean overdue = o.paymentStatus == PaymentStatus.OVERDUE || (o.paymentStatus == PaymentStatus.PENDING && pastDue);
        f.setPaymentOverdue(overdue);
        f.setDaysPaymentOverdue(overdue && o.paymentDueAt != null ? Days.between(o.paymentDueAt, now) : 0);
        if (o.paymentDueAt != null && !pastDue) {
            f.setDaysUntilPaymentDue(Days.between(now, o.paymentDueAt));
        }
        return f;
    }

    private static OpportunitySnapshot snapshot(Opportunity o, OpportunityFact f, Activity activity, int daysSinceLastActivity) {
        int quoteViewsSinceCreated = (int) activity.getEvents().stream()
                .filter(e -> e.getType().equals(EventType.VIEWED_QUOTE.name()) && !e.getOccurredAt().isBefore(o.createdAt))
                .count();
        return new OpportunitySnapshot(o.id, o.corpId, o.stage, o.amount, o.channel == null ? null : o.channel.name(),
                f.getAgeDays(), f.getDaysInStage(), o.contactCount,
                DecisionChainStatus.valueOf(f.getDecisionChainStatus()), f.isDecisionMakerReached(),
                f.getDecisionContacts(), f.getContactsReached(),
                activity.count(EventType.VIEWED_QUOTE.name(), 30), activity.count(EventType.DOWNLOADED_MATERIAL.name(), 30),
                activity.count(EventType.FORM_SUBMITTED.name(), 30), activity.count(EventType.CHAT.name(), 30),
                quoteViewsSinceCreated, daysSinceLastActivity);
    }

    private static TaskFact taskFact(CrmTask t, Instant now) {
        TaskFact f = new TaskFact();
        f.setTaskId(t.id);
        f.setTitle(t.title);
        f.setSource(t.source.name());
        if (t.dueAt != null) {
            boolean overdue = t.dueAt.isBefore(now);
            f.setOverdue(overdue);
            f.setDaysOverdue(overdue ? Days.between(t.dueAt, now) : 0);
            f.setDaysUntilDue(overdue ? 0 : Days.between(now, t.dueAt));
        }
        return f;
    }
}
