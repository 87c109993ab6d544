package com.qingke.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/** The per-key limit lives in the database, so two app instances on one database share it. */
@QuarkusTest
class SharedRateLimiterTest {
    @Inject AgroalDataSource dataSource;

    final AtomicLong millis = new AtomicLong(Instant.parse("2026-06-01T00:00:00Z").toEpochMilli());
    final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    /** A corp of its own per test, so keys and eviction never meet another test's. */
    final String corp = "ww-rl-" + UUID.randomUUID().toString().substring(0, 8);

    SharedRateLimiter instance(int max) {
        return new SharedRateLimiter(dataSource, corp, "test", max, Duration.ofSeconds(60), clock);
    }

    @Test
    void allowsMaxPerWindowPerKeyAndFreesSlotsAsTheWindowSlides() {
        SharedRateLimiter limiter = instance(2);
        assertTrue(limiter.tryAcquire("a"));
        millis.addAndGet(30_000);
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"), "keys are independent");
        millis.addAndGet(30_001);
        assertTrue(limiter.tryAcquire("a"), "the first hit left the window");
        assertFalse(limiter.tryAcquire("a"));
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheLimit() {
        SharedRateLimiter first = instance(5);
        SharedRateLimiter second = instance(5);
        for (int i = 0; i < 3; i++) {
            assertTrue(first.tryAcquire("10.0.0.1"));
        }
        assertTrue(second.tryAcquire("10.0.0.1"));
        assertTrue(second.tryAcquire("10.0.0.1"));
        assertFalse(second.tryAcquire("10.0.0.1"), "five went through the other instance and this one together");
        assertFalse(first.tryAcquire("10.0.0.1"));
    }

    @Test
    void concurrentAttemptsThroughTwoInstancesLetExactlyTheLimitThrough() throws Exception {
        SharedRateLimiter[] instances = {instance(5), instance(5)};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                SharedRateLimiter limiter = instances[i % 2];
                attempts.add(() -> {
                    start.await();
                    return limiter.tryAcquire("new-visitor");
                });
            }
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> a : attempts) {
                results.add(pool.submit(a));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> f : results) {
                allowed += f.get() ? 1 : 0;
            }
            assertEquals(5, allowed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysWithNothingLeftInTheWindowAreEvicted() {
        SharedRateLimiter limiter = instance(2);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        millis.addAndGet(61_000);
        limiter.tryAcquire("b");
        assertEquals(1, limiter.evictIdle(), "a is idle, b was just used");
        assertTrue(limiter.tryAcquire("b"));
        assertFalse(limiter.tryAcquire("b"), "b kept its hits");
    }

    @Test
    void aVeryLongKeyStillFitsTheColumn() {
        SharedRateLimiter limiter = instance(1);
        String longKey = "x".repeat(500);
        assertTrue(limiter.key(longKey).length() <= 160);
        assertTrue(limiter.tryAcquire(longKey));
        assertFalse(limiter.tryAcquire(longKey));
    }
}
