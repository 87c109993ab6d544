package com.qingke.scoring.model.datasets;

import com.qingke.demo.DemoCustomer;
import com.qingke.demo.DemoDataset;
import com.qingke.demo.DemoEvent;
import com.qingke.demo.DemoOpportunity;
import com.qingke.demo.DemoSize;
import com.qingke.scoring.model.Example;
import com.qingke.scoring.winrate.ClosedDeals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo company's closed deals ({@link DemoDataset}) as training examples, computed by the app's own
 * {@link ClosedDeals#example} from the rows the demo loader writes (stage history, decision contacts, the
 * customer's events), so the evaluation sees exactly the features training in the app sees.
 * The size and seed are fixed ({@link #NOW} only moves the time axis): {@code DemoSize.withCustomers(n)}, seed
 * {@link DemoDataset#DEFAULT_SEED}.
 */
public final class DemoDealsImporter {
    public static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private DemoDealsImporter() {
    }

    public static String name(int customers) {
        return "demo-" + customers + "-customers";
    }

    public static List<Example> load(int customers) {
        DemoDataset dataset = DemoDataset.generate(DemoSize.withCustomers(customers), DemoDataset.DEFAULT_SEED, NOW);
        List<Example> examples = new ArrayList<>();
        long id = 0;
        for (DemoCustomer customer : dataset.customers()) {
            List<ClosedDeals.DealRows.Event> events = new ArrayList<>();
            for (DemoEvent e : customer.events()) {
                events.add(new ClosedDeals.DealRows.Event(e.type(), e.occurredAt()));
            }
            for (DemoOpportunity o : customer.opportunities()) {
                id++;
                if (!o.isClosed()) {
                    continue;
                }
                examples.add(ClosedDeals.example(new ClosedDeals.DealRows(id, "demo", o.stage(), o.createdAt(), o.closedAt(),
                        o.amount(), customer.sourceChannel().name(), o.contactCount(),
                        o.history().stream().map(c -> new ClosedDeals.DealRows.Change(c.fromStage(), c.toStage(), c.changedAt())).toList(),
                        o.contacts().stream().map(c -> new ClosedDeals.DealRows.Contact(c.role(), c.reached(), c.reachedAt())).toList(),
                        events, customer.createdAt())));
            }
        }
        return examples;
    }
}
