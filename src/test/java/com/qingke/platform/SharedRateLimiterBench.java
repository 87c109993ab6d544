package com.qingke.platform;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one check of the shared per-IP limit costs against a real database (docs/BENCHMARKS.md, "Shared rate limit").
 * Not a test (surefire runs *Test classes only): a plain main over the test classpath, see BENCHMARKS.md for the
 * command. Creates the table if missing (same definition as the migration) and leaves the database behind; drop it
 * afterwards.
 */
public final class SharedRateLimiterBench {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:mysql://127.0.0.1:3306/qingke_bench?createDatabaseIfNotExist=true";
        String user = args.length > 1 ? args[1] : "root";
        String password = args.length > 2 ? args[2] : "";
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(8).connectionFactoryConfiguration(cf -> cf.jdbcUrl(url)
                        .principal(new NamePrincipal(user)).credential(new SimplePassword(password))));
        try (AgroalDataSource ds = AgroalDataSource.from(config)) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS rate_limit_window (corp_id VARCHAR(64) NOT NULL, limit_key VARCHAR(160) NOT NULL,"
                        + " hits VARCHAR(2048), updated_at DATETIME(3) NOT NULL, PRIMARY KEY (corp_id, limit_key))");
                s.execute("DELETE FROM rate_limit_window WHERE corp_id = 'bench'");
            }
            SharedRateLimiter limiter = new SharedRateLimiter(ds, "bench", "form", 5, Duration.ofMinutes(1), Clock.systemUTC());
            for (int i = 0; i < 200; i++) { // warm-up: pool, JIT, InnoDB pages
                limiter.tryAcquire("warm-" + i);
            }
            report("new address each time (INSERT path)", n, i -> limiter.tryAcquire("10.0." + (i / 250) + "." + (i % 250)));
            report("one address, over its limit (SELECT FOR UPDATE, refused)", n, i -> limiter.tryAcquire("10.9.9.9"));
            report("100 addresses in turn (UPDATE path)", n, i -> limiter.tryAcquire("172.16.0." + (i % 100)));
            SharedRateLimiter second = new SharedRateLimiter(ds, "bench", "form", 5, Duration.ofMinutes(1), Clock.systemUTC());
            concurrent(n, new SharedRateLimiter[] {limiter, second});
        }
    }

    interface Attempt {
        boolean run(int i);
    }

    static void report(String name, int n, Attempt attempt) {
        long[] nanos = new long[n];
        int allowed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            allowed += attempt.run(i) ? 1 : 0;
            nanos[i] = System.nanoTime() - t;
        }
        long total = System.nanoTime() - start;
        Arrays.sort(nanos);
        System.out.printf("%-58s %6d attempts  %5d allowed  mean %.2f ms  p50 %.2f ms  p95 %.2f ms  %.0f/s%n", name, n, allowed,
                total / 1e6 / n, nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, n / (total / 1e9));
    }

    /** 8 threads through two limiters (two app instances) on 50 addresses: throughput, and the limit must hold. */
    static void concurrent(int n, SharedRateLimiter[] instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger allowed = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < n / 8; i++) {
                    if (instances[thread % 2].tryAcquire("192.168.1." + (i % 50))) {
                        allowed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long total = System.nanoTime() - start;
        pool.shutdown();
        System.out.printf("%-58s %6d attempts  %5d allowed (limit 5 × 50 addresses = 250)  %.0f/s%n",
                "8 threads, 2 instances, 50 addresses", n / 8 * 8, allowed.get(), n / 8 * 8 / (total / 1e9));
    }
}
