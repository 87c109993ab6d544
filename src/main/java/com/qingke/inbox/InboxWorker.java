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
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Processes stored inbound messages. Due messages are claimed with row locks that other instances skip
 * (SELECT … FOR UPDATE SKIP LOCKED), several per transaction ({@code qingke.inbox.messages-per-transaction}): each
 * message is handled behind its own savepoint and marked done, and the batch commits once. A handler that throws
 * rolls back to its savepoint only: its message records the failure (retried later, with exponential back-off, and
 * parked as FAILED after too many attempts) while the other messages of the batch commit. When the transaction
 * itself cannot go on (a database error marked it rollback-only, or the commit failed), nothing of the batch was
 * committed and each of its messages is processed again in a transaction of its own.
 */
@ApplicationScoped
public class InboxWorker {
    private static final Logger LOG = Logger.getLogger(InboxWorker.class);
    private static final String SAVEPOINT = "inbox_message";

    private final EntityManager em;
    private final Instance<InboxHandler> handlers;
    private final InboxConfig config;
    private final MeterRegistry metrics;
    private final TransactionSynchronizationRegistry transactions;
    private volatile List<InboxHandler> resolved;

    InboxWorker(EntityManager em, @Any Instance<InboxHandler> handlers, InboxConfig config, MeterRegistry metrics,
                TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.handlers = handlers;
        this.config = config;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    @Scheduled(every = "${qingke.inbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /**
     * Processes every message that is due now; returns how many were handled (done or ignored). One drain at a time per
     * instance: a caller (a test, after pausing the scheduler) returns only once a poll that was already running has
     * committed its batch too, so nothing of that batch lands later.
     */
    public synchronized int drain() {
        int handled = 0;
        int perTransaction = Math.max(1, config.messagesPerTransaction());
        List<Long> due;
        do {
            due = dueIds();
            for (int from = 0; from < due.size(); from += perTransaction) {
                handled += processBatch(due.subList(from, Math.min(from + perTransaction, due.size())));
            }
        } while (due.size() == config.batchSize());
        return handled;
    }

    /**
     * The next due messages, longest due first (for new messages that is arrival order). Ordered as the due index
     * (status, next_attempt_at, then the primary key) is, so the database reads just these rows off it: ordered by id
     * it sorted every due row for each call, which made draining a backlog of n messages cost n²/batch.
     */
    private List<Long> dueIds() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select m.id from InboxMessage m where m.status = :pending and m.nextAttemptAt <= :now "
                                + "order by m.nextAttemptAt, m.id", Long.class)
                .setParameter("pending", InboxStatus.PENDING)
                .setParameter("now", Instant.now())
                .setMaxResults(config.batchSize())
                .getResultList());
    }

    /** What became of one message in a batch, counted once the batch committed. */
    private record Outcome(InboxSource source, InboxStatus status, boolean failed) {
    }

    private int processBatch(List<Long> ids) {
        if (ids.size() == 1) {
            return process(ids.get(0)) ? 1 : 0;
        }
        List<Outcome> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> {
                List<Outcome> done = new ArrayList<>();
                for (InboxMessage claimed : claim(ids)) {
                    done.add(handleBehindSavepoint(claimed.id));
                }
                return done;
            });
        } catch (RuntimeException e) {
            // nothing of the batch committed: each message on its own, so only a failing one is held back
            LOG.debugf("Inbox batch of %d rolled back (%s); processing its messages one by one", ids.size(), e.toString());
            int handled = 0;
            for (Long id : ids) {
                if (process(id)) {
                    handled++;
                }
            }
            return handled;
        }
        int handled = 0;
        for (Outcome o : outcomes) {
            if (o.failed()) {
                metrics.counter("qingke.inbox.failures", "source", o.source().name()).increment();
            } else {
                metrics.counter("qingke.inbox.processed", "source", o.source().name(), "status", o.status().name()).increment();
                handled++;
            }
        }
        return handled;
    }

    /**
     * Locks and loads those of these messages that are still pending and that no other instance holds, ascending by
     * id. Native SQL because Hibernate's MySQL 8 dialect writes "for update of alias skip locked", which MariaDB
     * rejects; this form runs on MySQL 8, MariaDB 10.6+ and H2.
     */
    private List<InboxMessage> claim(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<InboxMessage> claimed = em.createNativeQuery("select * from inbox_message where id in (:ids) and status = 'PENDING' "
                        + "order by id for update skip locked", InboxMessage.class)
                .setParameter("ids", ids)
                .getResultList();
        return claimed;
    }

    /**
     * Handles one claimed message of a batch. Everything before is flushed and a savepoint set; when the handler throws
     * (and the transaction can go on) the message's own changes are rolled back to it, forgotten, and its failure is
     * recorded in the batch's transaction, which still holds its row lock.
     */
    private Outcome handleBehindSavepoint(Long id) {
        InboxMessage message = em.find(InboxMessage.class, id);
        if (handlerFor(message) == null) {
            return new Outcome(message.source, handle(message), false); // nothing runs that could fail
        }
        em.flush();
        Session session = em.unwrap(Session.class);
        // plain SQL: the pool refuses Connection.rollback(Savepoint) on a connection enlisted in a JTA transaction
        session.doWork(c -> execute(c, "SAVEPOINT " + SAVEPOINT));
        try {
            InboxStatus status = handle(message);
            em.flush(); // a handler's failing write surfaces here, still attributed to its message
            return new Outcome(message.source, status, false);
        } catch (RuntimeException e) {
            if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                throw e; // rollback-only (e.g. a database error): the caller processes the batch one by one
            }
            session.doWork(c -> execute(c, "ROLLBACK TO SAVEPOINT " + SAVEPOINT));
            em.clear(); // the handler's unflushed changes are gone with the savepoint; earlier messages were flushed
            InboxMessage fresh = em.find(InboxMessage.class, id);
            fail(fresh, e);
            return new Outcome(fresh.source, fresh.status, true);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs the message's handler (or marks it IGNORED when none handles it) and marks it processed. */
    private InboxStatus handle(InboxMessage message) {
        InboxHandler handler = handlerFor(message);
        if (handler == null) {
            message.status = InboxStatus.IGNORED;
        } else {
            handler.handle(message);
            message.status = InboxStatus.DONE;
        }
        message.attempts++;
        message.processedAt = Instant.now();
        return message.status;
    }

    /** One message in a transaction of its own: the path of a batch that could not commit. */
    private boolean process(Long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!claimOne(id)) {
                    return false; // another instance holds it, or it is already done
                }
                InboxMessage message = em.find(InboxMessage.class, id);
                handle(message);
                metrics.counter("qingke.inbox.processed", "source", message.source.name(), "status", message.status.name()).increment();
                return true;
            });
        } catch (RuntimeException e) {
            recordFailure(id, e);
            return false;
        }
    }

    /** Locks the row for this transaction unless another instance holds it (native SQL: see {@link #claim}). */
    private boolean claimOne(Long id) {
        return !em.createNativeQuery("select id from inbox_message where id = ?1 and status = 'PENDING' for update skip locked")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }

    private InboxHandler handlerFor(InboxMessage message) {
        List<InboxHandler> all = resolved;
        if (all == null) {
            all = resolved = handlers.stream().toList(); // resolved once, not per message
        }
        for (InboxHandler handler : all) {
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
                fail(message, error);
                metrics.counter("qingke.inbox.failures", "source", message.source.name()).increment();
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the failure of inbox message " + id + "; it stays due", e);
        }
    }

    /** Counts a failed attempt of a locked, pending message: due again after a back-off, or parked as FAILED. */
    private void fail(InboxMessage message, RuntimeException error) {
        message.attempts++;
        message.lastError = truncate(error.toString(), 1000);
        if (message.attempts >= config.maxAttempts()) {
            message.status = InboxStatus.FAILED;
            LOG.errorf("Inbox message %d (%s %s) parked as FAILED after %d attempts: %s", message.id, message.source,
                    message.messageType, message.attempts, message.lastError);
        } else {
            Duration delay = config.firstRetryDelay().multipliedBy(1L << Math.min(message.attempts - 1, 16));
            message.nextAttemptAt = Instant.now().plus(delay);
            LOG.warnf("Inbox message %d failed (attempt %d), retrying in %s: %s", message.id, message.attempts, delay,
                    message.lastError);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
