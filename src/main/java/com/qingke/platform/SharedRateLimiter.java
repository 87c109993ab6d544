package com.qingke.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Allows at most {@code max} events per key within any window of the given length, counted in the database
 * ({@code rate_limit_window}), so every instance of the app shares one limit: two instances behind a load balancer
 * let through {@code max} submissions per address, not {@code 2 × max}.
 *
 * <p>One row per key holds the times of the hits still in the window (at most {@code max} numbers). An attempt is one
 * short transaction: {@code SELECT … FOR UPDATE} of the key's row (which serialises instances on that key only), then
 * an UPDATE, or an INSERT for a new key. Two first attempts racing on a new key collide on the primary key (or, on
 * InnoDB, deadlock on the gap lock); the loser waits a moment and runs again and finds the winner's row. A key whose
 * races are lost again and again is under a burst of concurrent attempts, which is what the limit is for: that
 * attempt is refused rather than let through uncounted. Plain JDBC outside any JTA
 * transaction: one pooled connection and two statements per attempt, on MariaDB, MySQL and H2 alike.
 *
 * <p>The clock is the app's, not the database's: instances' clocks differ by milliseconds, the window is a minute.
 * If the database cannot be reached the attempt is allowed (and logged): what the limit protects is written to that
 * same database, so it fails anyway, and a limiter that refuses everyone would hide the real error.
 */
public final class SharedRateLimiter {
    private static final Logger LOG = Logger.getLogger(SharedRateLimiter.class);
    private static final int MAX_KEY = 160;
    private static final int ATTEMPTS = 10;
    /** The hits column holds at most this many epoch-millisecond numbers. */
    public static final int MAX_PER_WINDOW = 100;

    private final DataSource dataSource;
    private final String corpId;
    private final String namespace;
    private final int max;
    private final long windowMillis;
    private final Clock clock;

    /**
     * @param namespace prefix of this limiter's keys (e.g. "lead-form"), so limiters with other windows do not meet
     */
    public SharedRateLimiter(DataSource dataSource, String corpId, String namespace, int max, Duration window, Clock clock) {
        if (max < 1 || max > MAX_PER_WINDOW) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX_PER_WINDOW);
        }
        if (namespace.contains(":") || namespace.contains("%") || namespace.contains("_")) {
            throw new IllegalArgumentException("namespace must not contain ':', '%' or '_'");
        }
        this.dataSource = Objects.requireNonNull(dataSource);
        this.corpId = Objects.requireNonNull(corpId);
        this.namespace = namespace;
        this.max = max;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Records an attempt for the key; false when the key already used up the window (the attempt is not counted). */
    public boolean tryAcquire(String key) {
        String k = key(key);
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    boolean allowed = acquire(c, k, clock.millis());
                    c.commit();
                    return allowed;
                } catch (SQLException e) {
                    c.rollback();
                    if (!isLostRace(e)) {
                        throw e;
                    }
                    last = e;
                    backOff(attempt);
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                LOG.warnf("Rate limit %s not checked (database: %s); the attempt is allowed", namespace, e.getMessage());
                return true;
            }
        }
        LOG.warnf("Rate limit %s: %d races in a row lost on one key (%s); the attempt is refused", namespace, ATTEMPTS,
                last == null ? "-" : last.getMessage());
        return false;
    }

    /** Spreads the retries of attempts that collided, so they do not collide again at once. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean acquire(Connection c, String key, long now) throws SQLException {
        String hits = null;
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hits FROM rate_limit_window WHERE corp_id = ? AND limit_key = ? FOR UPDATE")) {
            ps.setString(1, corpId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
                if (exists) {
                    hits = rs.getString(1);
                }
            }
        }
        if (!exists) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO rate_limit_window (corp_id, limit_key, hits, updated_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, corpId);
                ps.setString(2, key);
                ps.setString(3, Long.toString(now));
                ps.setTimestamp(4, new Timestamp(now));
                ps.executeUpdate();
            }
            return true;
        }
        List<Long> inWindow = new ArrayList<>();
        if (hits != null && !hits.isBlank()) {
            for (String h : hits.split(",")) {
                long t = Long.parseLong(h.trim());
                if (t > now - windowMillis) {
                    inWindow.add(t);
                }
            }
        }
        if (inWindow.size() >= max) {
            return false;
        }
        inWindow.add(now);
        StringBuilder joined = new StringBuilder();
        for (Long t : inWindow) {
            joined.append(joined.isEmpty() ? "" : ",").append(t);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE rate_limit_window SET hits = ?, updated_at = ? WHERE corp_id = ? AND limit_key = ?")) {
            ps.setString(1, joined.toString());
            ps.setTimestamp(2, new Timestamp(now));
            ps.setString(3, corpId);
            ps.setString(4, key);
            ps.executeUpdate();
        }
        return true;
    }

    /** Drops the rows of keys with no hit left in the window; returns how many. */
    public int evictIdle() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM rate_limit_window WHERE corp_id = ? AND limit_key LIKE ? AND updated_at <= ?")) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            ps.setString(1, corpId);
            ps.setString(2, namespace + ":%");
            ps.setTimestamp(3, new Timestamp(clock.millis() - windowMillis));
            return ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Idle rate-limit keys of %s not evicted: %s", namespace, e.getMessage());
            return 0;
        }
    }

    /** The stored key: namespaced, and hashed when it would not fit the column. */
    String key(String key) {
        String k = namespace + ":" + (key == null ? "" : key);
        if (k.length() <= MAX_KEY) {
            return k;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8));
            return namespace + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A duplicate key (another instance inserted the row first) or a deadlock/serialisation failure: run again. */
    private static boolean isLostRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("23") || s.getSQLState().equals("40001") || s.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}
