package com.qingke.scoring.winrate;

import com.qingke.customer.Customer;
import com.qingke.opportunity.DecisionChainStatus;
import com.qingke.opportunity.DecisionContact;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.recommendation.facts.Days;
import com.qingke.scoring.FactBuilder;
import com.qingke.scoring.OpportunitySnapshot;
import com.qingke.scoring.model.Example;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The corp's closed deals as training examples, each seen as it stood when it was closed: the stage it was closed
 * from, its activity up to the close, the decision makers reached by then. Nothing from after the outcome.
 */
@ApplicationScoped
public class ClosedDeals {
    private static final int BATCH = 500;
    private static final List<EventType> COUNTED = List.of(EventType.VIEWED_QUOTE, EventType.DOWNLOADED_MATERIAL,
            EventType.FORM_SUBMITTED, EventType.CHAT);

    private final EntityManager em;

    ClosedDeals(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Example> examples(String corpId) {
        List<Opportunity> closed = Opportunity.list("corpId = ?1 and stage in ?2 and closedAt is not null order by id",
                corpId, List.of(Stage.WON, Stage.LOST));
        List<Example> examples = new ArrayList<>(closed.size());
        for (int from = 0; from < closed.size(); from += BATCH) {
            examples.addAll(batch(closed.subList(from, Math.min(closed.size(), from + BATCH))));
        }
        return examples;
    }

    private List<Example> batch(List<Opportunity> deals) {
        List<Long> ids = deals.stream().map(o -> o.id).toList();
        List<Long> customerIds = deals.stream().map(o -> o.customerId).distinct().toList();
        Map<Long, List<StageChange>> history = StageChange.<StageChange>list("opportunityId in ?1", ids).stream()
                .sorted(Comparator.comparing((StageChange c) -> c.changedAt).thenComparing(c -> c.id))
                .collect(Collectors.groupingBy(c -> c.opportunityId));
        Map<Long, List<DecisionContact>> contacts = DecisionContact.<DecisionContact>list("opportunityId in ?1", ids).stream()
                .collect(Collectors.groupingBy(c -> c.opportunityId));
        Map<Long, Instant> created = Customer.<Customer>list("id in ?1", customerIds).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.createdAt));
        Instant latestClose = deals.stream().map(o -> o.closedAt).max(Instant::compareTo).orElseThrow();
        Map<Long, List<Object[]>> events = em.createQuery("select e.customerId, e.type, e.occurredAt from BehaviourEvent e "
                        + "where e.customerId in :customers and e.type in :types and e.occurredAt <= :until", Object[].class)
                .setParameter("customers", customerIds)
                .setParameter("types", FactBuilder.CUSTOMER_ACTIVITY)
                .setParameter("until", latestClose)
                .getResultList().stream()
                .collect(Collectors.groupingBy(row -> (Long) row[0]));

        List<Example> examples = new ArrayList<>(deals.size());
        for (Opportunity o : deals) {
            List<DealRows.Change> changes = history.getOrDefault(o.id, List.of()).stream()
                    .map(c -> new DealRows.Change(c.fromStage, c.toStage, c.changedAt)).toList();
            List<DealRows.Contact> reach = contacts.getOrDefault(o.id, List.of()).stream()
                    .map(c -> new DealRows.Contact(c.role, c.reached, c.reachedAt)).toList();
            List<DealRows.Event> customerEvents = events.getOrDefault(o.customerId, List.of()).stream()
                    .map(row -> new DealRows.Event((EventType) row[1], (Instant) row[2])).toList();
            examples.add(example(new DealRows(o.id, o.corpId, o.stage, o.createdAt, o.closedAt, o.amount,
                    o.channel == null ? null : o.channel.name(), o.contactCount, changes, reach, customerEvents,
                    created.getOrDefault(o.customerId, o.createdAt))));
        }
        return examples;
    }

    /**
     * The rows of one closed deal that its training example is computed from, wherever they were read: the database
     * here, the demo generator's records in the model evaluation ({@code model.datasets.DemoDealsImporter}).
     *
     * @param history        the deal's stage changes, oldest first
     * @param customerEvents the customer's activity events (any time; those after the close are ignored)
     */
    public record DealRows(long id, String corpId, Stage stage, Instant createdAt, Instant closedAt, java.math.BigDecimal amount,
                           String channel, int contactCount, List<Change> history, List<Contact> contacts,
                           List<Event> customerEvents, Instant customerCreatedAt) {
        public record Change(Stage fromStage, Stage toStage, Instant changedAt) {
        }

        public record Contact(DecisionRole role, boolean reached, Instant reachedAt) {
        }

        public record Event(EventType type, Instant occurredAt) {
        }
    }

    /** A closed deal as it stood when it was closed, as the model's example (won = closed WON). */
    public static Example example(DealRows deal) {
        Stage closedFrom = closedFrom(deal.history());
        Instant enteredStage = enteredAt(deal.history(), closedFrom, deal.createdAt());
        return DealExamples.of("opp-" + deal.id(), closedFrom, snapshot(deal, closedFrom, enteredStage), deal.stage() == Stage.WON);
    }

    private static Stage closedFrom(List<DealRows.Change> changes) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            DealRows.Change c = changes.get(i);
            if (c.toStage().isClosed() && c.fromStage() != null && !c.fromStage().isClosed()) {
                return c.fromStage();
            }
        }
        // no history of the close: the furthest open stage it is known to have reached
        return changes.stream().map(DealRows.Change::toStage).filter(s -> !s.isClosed())
                .max(Comparator.naturalOrder()).orElse(Stage.INITIAL);
    }

    private static Instant enteredAt(List<DealRows.Change> changes, Stage stage, Instant createdAt) {
        return changes.stream().filter(c -> c.toStage() == stage).map(DealRows.Change::changedAt)
                .max(Instant::compareTo).orElse(createdAt);
    }

    private static OpportunitySnapshot snapshot(DealRows o, Stage stage, Instant enteredStage) {
        Instant t = o.closedAt();
        List<DealRows.Contact> contacts = o.contacts();
        List<DealRows.Contact> reached = contacts.stream()
                .filter(c -> c.reached() && (c.reachedAt() == null || !c.reachedAt().isAfter(t))).toList();
        boolean decisionMaker = reached.stream().anyMatch(c -> c.role() == DecisionRole.DECISION_MAKER);
        Map<EventType, Integer> last30 = new HashMap<>();
        int quoteViews = 0;
        Instant lastActivity = null;
        Instant monthBefore = t.minus(Duration.ofDays(30));
        for (DealRows.Event event : o.customerEvents()) {
            EventType type = event.type();
            Instant at = event.occurredAt();
            if (at.isAfter(t) || !FactBuilder.CUSTOMER_ACTIVITY.contains(type)) {
                continue;
            }
            if (lastActivity == null || at.isAfter(lastActivity)) {
                lastActivity = at;
            }
            if (type == EventType.VIEWED_QUOTE && !at.isBefore(o.createdAt())) {
                quoteViews++;
            }
            if (at.isAfter(monthBefore) && COUNTED.contains(type)) {
                last30.merge(type, 1, Integer::sum);
            }
        }
        return new OpportunitySnapshot(o.id(), o.corpId(), stage, o.amount(), o.channel(),
                Days.between(o.createdAt(), t), Days.between(enteredStage, t), o.contactCount(),
                decisionMaker ? DecisionChainStatus.DECISION_MAKER_REACHED
                        : reached.isEmpty() ? DecisionChainStatus.NONE : DecisionChainStatus.PARTIAL,
                decisionMaker, contacts.size(), reached.size(),
                last30.getOrDefault(EventType.VIEWED_QUOTE, 0), last30.getOrDefault(EventType.DOWNLOADED_MATERIAL, 0),
                last30.getOrDefault(EventType.FORM_SUBMITTED, 0), last30.getOrDefault(EventType.CHAT, 0),
                quoteViews, Days.between(lastActivity != null ? lastActivity : o.customerCreatedAt(), t));
    }
}
