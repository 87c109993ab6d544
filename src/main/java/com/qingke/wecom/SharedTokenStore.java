package com.qingke.wecom;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads and writes the {@code shared_token} table, each call in its own short transaction (WxJava asks for tokens in
 * the middle of callers' transactions, which must not be held up or rolled back by a token refresh).
 */
@ApplicationScoped
public class SharedTokenStore {

    /** A token as stored: its value and when it stops being usable. */
    public record Entry(String value, Instant expiresAt) {
        public boolean isUsableAt(Instant now) {
            return value != null && expiresAt != null && now.isBefore(expiresAt);
        }
    }

    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    SharedTokenStore(EntityManager em) {
        this.em = em;
    }

    public Optional<Entry> read(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SharedToken t = em.find(SharedToken.class, key);
            return t == null ? Optional.<Entry>empty() : Optional.of(new Entry(t.value, t.expiresAt));
        });
    }

    public void write(String corpId, String key, String value, Instant expiresAt) {
        ensureRow(corpId, key);
        QuarkusTransaction.requiringNew().run(() -> {
            SharedToken t = em.find(SharedToken.class, key);
            t.value = value;
            t.expiresAt = expiresAt;
            t.updatedAt = clock.instant();
        });
    }

    /** Marks the token expired, but only if it is still the one the caller saw fail (another instance may have renewed it). */
    public void expire(String key, String value) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "update SharedToken t set t.expiresAt = :past, t.updatedAt = :now where t.key = :key and t.value = :value")
                .setParameter("past", Instant.EPOCH).setParameter("now", clock.instant())
                .setParameter("key", key).setParameter("value", value).executeUpdate());
    }

    /** Takes the refresh lock of a token until the given time, if nobody holds it; true when taken. */
    public boolean tryLock(String corpId, String key, Instant until) {
        ensureRow(corpId, key);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            return em.createQuery("update SharedToken t set t.lockedUntil = :until, t.updatedAt = :now "
                            + "where t.key = :key and (t.lockedUntil is null or t.lockedUntil < :now)")
                    .setParameter("until", until).setParameter("now", now).setParameter("key", key).executeUpdate() == 1;
        });
    }

    public void unlock(String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update SharedToken t set t.lockedUntil = null where t.key = :key")
                .setParameter("key", key).executeUpdate());
    }

    /** Creates the token's row once, in its own transaction, so later transactions see it. */
    private void ensureRow(String corpId, String key) {
        if (QuarkusTransaction.requiringNew().call(() -> em.find(SharedToken.class, key) != null)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SharedToken created = new SharedToken();
                created.key = key;
                created.corpId = corpId;
                created.updatedAt = clock.instant();
                em.persist(created);
            });
        } catch (RuntimeException e) {
            // Another instance created the row at the same moment: fine, as long as it exists now.
            if (!QuarkusTransaction.requiringNew().call(() -> em.find(SharedToken.class, key) != null)) {
                throw e;
            }
        }
    }
}
