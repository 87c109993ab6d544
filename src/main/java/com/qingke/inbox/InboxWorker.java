package com.qingke.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import com.qingke.platform.RowLocks;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Processes stored inbound messages. Each message is claimed with a row lock that other instances skip
 * (SELECT … FOR UPDATE SKIP LOCKED), handled and marked done in one transaction; a failure is retried with
 * exponential back-off and parked as FAILED after too many attempts.
 */
@ApplicationScoped
public class InboxWorker {
    private static final Logger LOG = Logger.getLogger(InboxWorker.class);

    private final EntityManager em;
    private final Instance<InboxHandler> handlers;
    private final InboxConfig config;
    private final MeterRegistry metrics;

    InboxWorker(EntityManager em, @Any Instance<InboxHandler> handlers, InboxConfig config, MeterRegistry metrics) {
        this.em = em;
        this.handlers = handlers;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${qingke.inbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /** Processes every message that is due now; returns how many were handled (done or ignored). */
    public int drain() {
        int handled = 0;
        List<Long> due;
        do {
            due = dueIds();
            for (Long id : due) {
                if (process(id)) {
                    handled++;
                }
            }
        } while (due.size() == config.batchSize());
        return handled;
    }

    private List<Long> dueIds() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select m.id from InboxMessage m where m.status = :pending and m.nextAttemptAt <= :now order by m.id", Long.class)
                .setParameter("pending", InboxStatus.PENDING)
                .setParameter("now", Instant.now())
                .setMaxResults(config.batchSize())
                .getResultList());
    }

    private boolean process(Long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!claim(id)) {
                    return false; // another instance holds it, or it is already done
                }
                InboxMessage message = em.find(InboxMessage.class, id);
                InboxHandler handler = handlerFor(message);
                if (handler == null) {
                    message.status = InboxStatus.IGNORED;
                } else {
                    handler.handle(message);
                    message.status = InboxStatus.DONE;
                }
                message.attempts++;
                message.processedAt = Instant.now();
                metrics.counter("qingke.inbox.processed", "source", message.source.name(), "status", message.status.name()).increment();
                return true;
            });
        } catch (RuntimeException e) {
            recordFailure(id, e);
            return false;
        }
    }

    /**
     * Locks the row for this transaction unless another instance holds it. Native SQL because Hibernate's MySQL 8
     * dialect writes "for update of alias skip locked", which MariaDB rejects; this form runs on MySQL 8, MariaDB
     * 10.6+ and H2.
     */
    private boolean claim(Long id) {
        return !em.createNativeQuery("select id from inbox_message where id = ?1 and status = 'PENDING' for update skip locked")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }

    private InboxHandler handlerFor(InboxMessage message) {
        for (InboxHandler handler : handlers) {
            if (handler.handles(message.source, message.messageType)) {
                return handler;
            }
        }
        return null;
    }

    private void recordFailure(Long id, RuntimeException error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // Locking read: another worker may have handled the row meanwhile; a plain read would see it pending
                // and the update below would put its DONE back to PENDING (processed twice).
                InboxMessage message = RowLocks.one(em, InboxMessage.class, "inbox_message", id);
                if (message == null || message.status != InboxStatus.PENDING) {
                    return;
                }
                message.attempts++;
                message.lastError = truncate(error.toString(), 1000);
                if (message.attempts >= config.maxAttempts()) {
                    message.status = InboxStatus.FAILED;
                    LOG.errorf("Inbox message %d (%s %s) parked as FAILED after %d attempts: %s", id, message.source,
                            message.messageType, message.attempts, message.lastError);
                } else {
                    Duration delay = config.firstRetryDelay().multipliedBy(1L << Math.min(message.attempts - 1, 16));
                    message.nextAttemptAt = Instant.now().plus(delay);
                    LOG.warnf("Inbox message %d failed (attempt %d), retrying in %s: %s", id, message.attempts, delay, message.lastError);
                }
                metrics.counter("qingke.inbox.failures", "source", message.source.name()).increment();
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the failure of inbox message " + id + "; it stays due", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
