package com.qingke.fakewechat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Access tokens and tickets issued by the fake platform, shared by every product (cp, mp) it imitates. Checks them
 * the way WeCom does, so a client's refresh-and-retry logic meets real 40014 and 42001 answers.
 */
public final class FakeTokens {
    public static final int OK = 0;
    public static final int MISSING = 41001;
    public static final int INVALID = 40014;
    public static final int EXPIRED = 42001;

    private record Issued(String kind, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> superseded = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
    private final Clock clock;

    public FakeTokens(Clock clock) {
        this.clock = clock;
    }

    /** A fresh credential of a kind (e.g. "cp.access_token", "mp.access_token", "cp.jsapi_ticket"). */
    public String issue(String kind, Duration ttl) {
        // The official account invalidates the previous token on every fetch; count how often a live one is replaced.
        int live = liveValues(kind).size();
        if (live > 0) {
            increment(superseded, kind, live);
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String value = HexFormat.of().formatHex(bytes);
        issued.put(value, new Issued(kind, clock.instant().plus(ttl)));
        increment(counts, kind, 1);
        return value;
    }

    /** 0 when the credential is a live one of that kind, otherwise WeCom's errcode. */
    public int check(String kind, String value) {
        int result = verdict(kind, value);
        if (result != OK) {
            increment(rejected, kind, 1);
        }
        return result;
    }

    private int verdict(String kind, String value) {
        if (value == null || value.isBlank()) {
            return MISSING;
        }
        Issued found = issued.get(value);
        if (found == null || !found.kind().equals(kind)) {
            return INVALID;
        }
        return clock.instant().isBefore(found.expiresAt()) ? OK : EXPIRED;
    }

    /** Lets every credential of a kind run out now: the next use answers 42001. */
    public void expireAll(String kind) {
        Instant past = clock.instant().minusSeconds(1);
        issued.replaceAll((value, i) -> i.kind().equals(kind) ? new Issued(kind, past) : i);
    }

    /** Forgets every credential of a kind: the next use answers 40014. */
    public void revokeAll(String kind) {
        issued.values().removeIf(i -> i.kind().equals(kind));
    }

    /** The live credentials of a kind, e.g. to check a JS-SDK signature against the tickets handed out. */
    public List<String> liveValues(String kind) {
        Instant now = clock.instant();
        return issued.entrySet().stream().filter(e -> e.getValue().kind().equals(kind) && now.isBefore(e.getValue().expiresAt()))
                .map(Map.Entry::getKey).toList();
    }

    /** How many credentials of a kind were issued since start. */
    public int issuedCount(String kind) {
        return count(counts, kind);
    }

    /** How many times a credential of a kind was issued while another one of that kind was still live. */
    public int supersededCount(String kind) {
        return count(superseded, kind);
    }

    /** How many API calls presented a missing, unknown or expired credential of a kind (answered 41001/40014/42001). */
    public int rejectedCount(String kind) {
        return count(rejected, kind);
    }

    private static void increment(Map<String, AtomicInteger> counters, String kind, int by) {
        counters.computeIfAbsent(kind, k -> new AtomicInteger()).addAndGet(by);
    }

    private static int count(Map<String, AtomicInteger> counters, String kind) {
        AtomicInteger n = counters.get(kind);
        return n == null ? 0 : n.get();
    }
}
