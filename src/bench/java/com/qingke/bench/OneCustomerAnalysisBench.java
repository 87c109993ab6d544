package com.qingke.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Hosts {@link OneCustomerAnalysisBenchmark}: Quarkus starts as for a test (profile test, on the benchmark database),
 * then JMH runs in this JVM (no fork: a forked JVM would have no running application). Not a test: it asserts nothing
 * and only runs with -Pbench -Dtest=OneCustomerAnalysisBench.
 */
@QuarkusTest
@TestProfile(BenchDatabase.class)
class OneCustomerAnalysisBench {

    @Test
    void run() throws Exception {
        Options options = new OptionsBuilder()
                .include(OneCustomerAnalysisBenchmark.class.getName())
                .forks(0)
                .threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(5))
                .measurementIterations(5).measurementTime(TimeValue.seconds(5))
                .build();
        new Runner(options).run();
    }
}
