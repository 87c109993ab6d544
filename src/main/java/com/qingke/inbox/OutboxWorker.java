package com.qingke.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import com.qingke.platform.RowLocks;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows of the topics that have an {@link OutboxHandler}. Each row is claimed with a row lock other
 * instances skip (SELECT … FOR UPDATE SKIP LOCKED), handed to its handler and marked done in one transaction; a
 * failure is retried with exponential back-off and parked as FAILED after the configured attempts. A row waits while
 * an older row of the same topic and aggregate is still pending, so changes reach WeCom in the order they were made.
 *
 * <p>Delivery is at least once: a crash between the WeCom call and the commit sends the row again, so handlers use
 * calls that are idempotent (mark_tag) or deduplicated by WeCom (message/send with duplicate check).
 */
@ApplicationScoped
public class OutboxWorker {
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final EntityManager em;
    private final Instance<OutboxHandler> handlerBeans;
    private final OutboxConfig config;
    private final MeterRegistry metrics;
    private volatile Map<String, OutboxHandler> handlers;

    OutboxWorker(EntityManager em, @Any Instance<OutboxHandler> handlerBeans, OutboxConfig config, MeterRegistry metrics) {
        this.em = em;
        this.handlerBeans = handlerBeans;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${qingke.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /**
     * Sends every row that is due now; returns how many were done. One drain at a time per instance, so a caller that
     * paused the scheduler returns only after a poll already running has finished too.
     */
    public synchronized int drain() {
        Map<String, OutboxHandler> byTopic = handlers();
        if (byTopic.isEmpty()) {
            return 0;
        }
        int done = 0;
        while (true) {
            List<Long> due = dueIds(byTopic);
            int doneNow = 0;
            for (Long id : due) {
                if (process(id, byTopic)) {
                    doneNow++;
                }
            }
            done += doneNow;
            // A full batch may hide more due rows; stop when a round moved nothing (rows waiting for older ones).
            if (due.size() < config.batchSize() || doneNow == 0) {
                return done;
            }
        }
    }

    private Map<String, OutboxHandler> handlers() {
        Map<String, OutboxHandler> h = handlers;
        if (h == null) {
            h = new HashMap<>();
            for (OutboxHandler handler : handlerBeans) {
                OutboxHandler previous = h.put(handler.topic(), handler);
                if (previous != null) {
                    throw new IllegalStateException("Two outbox handlers for topic " + handler.topic());
                }
            }
            handlers = Map.copyOf(h);
            h = handlers;
        }
        return h;
    }

    private List<Long> dueIds(Map<String, OutboxHandler> byTopic) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select e.id from OutboxEvent e where e.topic in :topics "
                        + "and e.status = :pending and e.nextAttemptAt <= :now order by e.id", Long.class)
                .setParameter("topics", byTopic.keySet())
                .setParameter("pending", InboxStatus.PENDING)
                .setParameter("now", Instant.now())
                .setMaxResults(config.batchSize())
                .getResultList());
    }

    private boolean process(Long id, Map<String, OutboxHandler> byTopic) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!claim(id)) {
                    return false; // another instance holds it, or it is done
                }
                OutboxEvent event = em.find(OutboxEvent.class, id);
                if (waitsForOlder(event)) {
                    return false;
                }
                byTopic.get(event.topic).handle(event);
                event.status = InboxStatus.DONE;
                event.attempts++;
                event.processedAt = Instant.now();
                event.lastError = null;
                metrics.counter("qingke.outbox.sent", "topic", event.topic).increment();
                return true;
            });
        } catch (RuntimeException e) {
            recordFailure(id, e, byTopic);
            return false;
        }
    }

    /** Native SQL for the lock: Hibernate's MySQL 8 dialect writes a form MariaDB rejects (see InboxWorker). */
    private boolean claim(Long id) {
        return !em.createNativeQuery("select id from outbox_event where id = ?1 and status = 'PENDING' for update skip locked")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }

    private boolean waitsForOlder(OutboxEvent event) {
        return em.createQuery("select count(e) from OutboxEvent e where e.topic = :topic and e.aggregateId = :aggregate "
                        + "and e.corpId = :corp and e.status = :pending and e.id < :id", Long.class)
                .setParameter("topic", event.topic).setParameter("aggregate", event.aggregateId).setParameter("corp", event.corpId)
                .setParameter("pending", InboxStatus.PENDING).setParameter("id", event.id)
                .getSingleResult() > 0;
    }

    private void recordFailure(Long id, RuntimeException error, Map<String, OutboxHandler> byTopic) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // Locking read: another worker may have handled the row meanwhile; a plain read would see it pending
                // and the update below would put its DONE back to PENDING (processed twice).
                OutboxEvent event = RowLocks.one(em, OutboxEvent.class, "outbox_event", id);
                if (event == null || event.status != InboxStatus.PENDING) {
                    return;
                }
                event.attempts++;
                String message = error.getClass().getSimpleName() + ": " + error.getMessage();
                event.lastError = message.length() > 1000 ? message.substring(0, 1000) : message;
                metrics.counter("qingke.outbox.failures", "topic", event.topic).increment();
                if (event.attempts >= config.maxAttempts()) {
                    event.status = InboxStatus.FAILED;
                    LOG.errorf("Outbox %s %d (aggregate %d) parked as FAILED after %d attempts: %s", event.topic, id,
                            event.aggregateId, event.attempts, event.lastError);
                    OutboxHandler handler = byTopic.get(event.topic);
                    if (handler != null) {
                        handler.gaveUp(event);
                    }
                } else {
                    Duration delay = backoff(event.attempts);
                    event.nextAttemptAt = Instant.now().plus(delay);
                    LOG.warnf("Outbox %s %d failed (attempt %d), retrying in %s: %s", event.topic, id, event.attempts, delay,
                            event.lastError);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the failure of outbox row " + id + "; it stays due", e);
        }
    }

    Duration backoff(int attempts) {
        Duration delay = config.firstRetryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
    }
}
