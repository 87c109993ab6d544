package com.qingke.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the period figures of recent filters for {@code qingke.dashboard.cache-ttl} (the spec refreshes DB-01 and DB-05
 * daily/weekly; minutes are plenty). At benchmark scale a cold computation reads every lead of the period and its
 * first contact, which takes seconds; a warm page renders from here. {@link DashboardWarmUp} keeps the default view
 * warm. Bounded, least recently used first out. Two requests missing the same key at once both compute: harmless.
 */
@ApplicationScoped
class DashboardCache {
    private static final int MAX_ENTRIES = 256;

    record Key(String corpId, LocalDate from, LocalDate to, Long repId, String sort) {
        static Key of(DashboardFilter f, String sort) {
            return new Key(f.corpId(), f.period().from(), f.period().to(), f.repId(), sort);
        }
    }

    private record Entry(Dashboard value, Instant computedAt) {
    }

    private final DashboardConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    DashboardCache(DashboardConfig config) {
        this.config = config;
    }

    Dashboard get(Key key, Supplier<Dashboard> compute) {
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && e.computedAt().plus(config.cacheTtl()).isAfter(clock.instant())) {
                return e.value();
            }
        }
        return put(key, compute.get());
    }

    /** Stores a fresh computation (the warm-up uses this to replace an entry before it expires). */
    Dashboard put(Key key, Dashboard value) {
        synchronized (entries) {
            entries.put(key, new Entry(value, clock.instant()));
        }
        return value;
    }
}
