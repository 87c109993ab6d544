package com.qingke.demo;

import java.util.Locale;

/**
 * How big a generated data set is. Only the number of customers and the ambient activity level differ between
 * sizes; the per-deal process (and so the win-rate ground truth) is the same at every size.
 *
 * @param name              label used in logs and reports
 * @param customers         number of customers generated
 * @param extraReps         reps added to the four fixed demo reps (a 100k-customer corp has more than four reps)
 * @param opportunityShare  average share of customers that have an opportunity
 * @param closedShare       share of opportunities that are already closed (won or lost)
 * @param ambientActivity   multiplier of the background events outside deals (does not touch deal features)
 */
public record DemoSize(String name, int customers, int extraReps, double opportunityShare, double closedShare,
                       double ambientActivity) {

    /** The demo corp: 300 customers, ~230 opportunities of which ~160 closed over the last 12 months. */
    public static final DemoSize DEMO = new DemoSize("demo", 300, 0, 0.76, 0.70, 1.0);
    /** For tests that load into the database: small and quick. */
    public static final DemoSize SMALL = new DemoSize("small", 40, 0, 0.76, 0.70, 1.0);
    /** Benchmark: 100k customers, ~30k opportunities, ~2M behaviour events. */
    public static final DemoSize BENCHMARK = new DemoSize("benchmark", 100_000, 36, 0.30, 0.70, 3.8);

    public DemoSize {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be positive");
        }
        if (extraReps < 0 || opportunityShare < 0 || opportunityShare > 1 || closedShare < 0 || closedShare > 1
                || ambientActivity < 0) {
            throw new IllegalArgumentException("invalid demo size " + name);
        }
    }

    /** The demo mix (share of deals, activity) with another number of customers. */
    public static DemoSize withCustomers(int customers) {
        return new DemoSize(String.valueOf(customers), customers, 0, DEMO.opportunityShare, DEMO.closedShare,
                DEMO.ambientActivity);
    }

    /** Parses {@code demo}, {@code small}, {@code benchmark} or a number of customers (demo mix). */
    public static DemoSize parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "demo" -> DEMO;
            case "small" -> SMALL;
            case "benchmark", "bench" -> BENCHMARK;
            default -> {
                try {
                    yield withCustomers(Integer.parseInt(t.replace("_", "")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown size '" + text + "': use demo, small, benchmark or a number");
                }
            }
        };
    }
}
