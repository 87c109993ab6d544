package com.qingke.lead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

class SlidingWindowRateLimiterTest {
    final AtomicLong millis = new AtomicLong(1_000_000);
    final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    @Test
    void allowsMaxPerWindowPerKeyAndFreesSlotsAsTheWindowSlides() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(2, Duration.ofSeconds(60), clock);
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
    void idleKeysAreForgotten() {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(2, Duration.ofSeconds(60), clock);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        millis.addAndGet(61_000);
        limiter.tryAcquire("b");
        limiter.evictIdle();
        assertEquals(1, limiter.trackedKeys());
    }
}
