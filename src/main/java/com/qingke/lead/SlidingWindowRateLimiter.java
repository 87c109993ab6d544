package com.qingke.lead;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allows at most {@code max} events per key within any window of the given length. In memory, for one instance;
 * idle keys are dropped by {@link #evictIdle()} so the map does not grow with every visitor.
 */
public final class SlidingWindowRateLimiter {
    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();
    private final int max;
    private final long windowMillis;
    private final Clock clock;

    public SlidingWindowRateLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Records an attempt for the key; false when the key already used up the window (the attempt is not counted). */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        Deque<Long> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    public void evictIdle() {
        long cutoff = clock.millis() - windowMillis;
        hits.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast() <= cutoff;
            }
        });
    }

    int trackedKeys() {
        return hits.size();
    }
}
