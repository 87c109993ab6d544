package com.qingke.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a demo data set customer by customer, for sizes too large to hold in memory (the benchmark's 2M events).
 * {@code customer(i)} depends only on (size, seed, i) and "now", so any chunking gives the same data as
 * {@link DemoDataset#generate(DemoSize, long, Instant)}.
 */
public final class DemoGenerator {

    private final DemoSize size;
    private final long seed;
    private final Instant now;
    private final DemoCatalog catalog;
    private final CustomerGenerator customers;

    private DemoGenerator(DemoSize size, long seed, Instant now) {
        this.size = size;
        this.seed = seed;
        // Whole seconds: every generated time survives a DATETIME(3) round trip unchanged.
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.catalog = DemoCorp.catalog(size, this.now);
        this.customers = new CustomerGenerator(size, seed, this.now, catalog);
    }

    /** @param now the end of the generated history; times are relative to it (truncated to whole seconds) */
    public static DemoGenerator of(DemoSize size, long seed, Instant now) {
        return new DemoGenerator(size, seed, now);
    }

    public DemoSize size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    public Instant now() {
        return now;
    }

    public DemoCatalog catalog() {
        return catalog;
    }

    public int customerCount() {
        return size.customers();
    }

    /** The customer at {@code index} (0-based) with its identities, follows, events, opportunity and tasks. */
    public DemoCustomer customer(int index) {
        if (index < 0 || index >= size.customers()) {
            throw new IndexOutOfBoundsException(index);
        }
        return customers.generate(index);
    }

    /** Customers {@code from} (inclusive) to {@code to} (exclusive). */
    public List<DemoCustomer> customers(int from, int to) {
        List<DemoCustomer> list = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            list.add(customer(i));
        }
        return list;
    }
}
