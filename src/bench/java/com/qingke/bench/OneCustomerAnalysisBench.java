package com.qingke.bench;

import com.qingke.scoring.CustomerAnalysisService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Hosts {@link OneCustomerAnalysisBenchmark}: Quarkus starts as for a test (profile test, on the benchmark database),
 * then each benchmark method is called in this JVM, single-threaded, and timed call by call. Not a test: it asserts
 * nothing and only runs with -Pbench -Dtest=OneCustomerAnalysisBench.
 * <p>
 * JMH's own runner cannot be used here: without a fork it loads the generated {@code jmh_generated} classes through
 * the class loader of jmh-core, which in a Quarkus test is the base runtime class loader that does not see the test
 * classes (ClassNotFoundException ..._jmhTest); with a fork there is no running application. So the loop below does
 * what JMH's SampleTime mode does: warm-up calls first, then every call timed with System.nanoTime.
 * ONE_CUSTOMER_CALLS (default 1000) sets the measured calls per method, a fifth of that is the warm-up.
 */
@QuarkusTest
@TestProfile(BenchDatabase.class)
class OneCustomerAnalysisBench {

    @Test
    void run() {
        OneCustomerAnalysisBenchmark bench = new OneCustomerAnalysisBenchmark();
        bench.setUp();
        int calls = Integer.parseInt(System.getenv().getOrDefault("ONE_CUSTOMER_CALLS", "1000"));
        measure("analyse (facts + rules + predict + write + actions, one transaction)", calls, () -> bench.analyse().customerId());
        measure("requestAndWork (outbox request committed, then claimed and analysed by the worker)", calls, bench::requestAndWork);
        long[] phases = new long[CustomerAnalysisService.Phase.values().length];
        int n = calls / 2;
        for (int i = 0; i < n; i++) {
            bench.analyseWithPhases(phases);
        }
        StringBuilder line = new StringBuilder();
        for (CustomerAnalysisService.Phase p : CustomerAnalysisService.Phase.values()) {
            line.append(String.format(Locale.ROOT, " %s %.2f", p.name().toLowerCase(Locale.ROOT), phases[p.ordinal()] / 1e6 / n));
        }
        System.out.printf("ONE-CUSTOMER phases, mean ms per customer over %d calls:%s%n", n, line);
    }

    private static void measure(String label, int calls, LongSupplier call) {
        long sink = 0;
        for (int i = 0; i < Math.max(50, calls / 5); i++) {
            sink += call.getAsLong();
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            sink += call.getAsLong();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "ONE-CUSTOMER %s: %d calls, ms min %.2f p50 %.2f p90 %.2f p99 %.2f max %.2f mean %.2f (%d)%n",
                label, calls, nanos[0] / 1e6, pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), nanos[calls - 1] / 1e6, mean, sink % 2);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
