package com.qingke.scoring;

import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.OutboxEvent;
import com.qingke.platform.RowLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Works off the ANALYSE_CUSTOMER outbox. Each request is claimed with a row lock that other instances skip
 * (SELECT ... FOR UPDATE SKIP LOCKED), analysed in the same transaction, and marked done together with the other
 * requests for the same customer that were waiting at claim time. A failure is retried with exponential backoff and
 * marked FAILED after the configured attempts. Analysis is idempotent, so a retry after a crash is harmless.
 */
@ApplicationScoped
public class AnalysisWorker {
    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);

    private final CustomerAnalysisService analysis;
    private final ScoringConfig config;
    private final EntityManager em;

    AnalysisWorker(CustomerAnalysisService analysis, ScoringConfig config, EntityManager em) {
        this.analysis = analysis;
        this.config = config;
        this.em = em;
    }

    @Scheduled(every = "${qingke.scoring.outbox.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain(config.outbox().batchSize());
    }

    /** Processes up to {@code max} due requests; returns how many were claimed (done or failed). */
    public int drain(int max) {
        int claimed = 0;
        while (claimed < max && processNext()) {
            claimed++;
        }
        return claimed;
    }

    private boolean processNext() {
        Long[] claimed = new Long[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Long id = claimNext();
                if (id == null) {
                    return false;
                }
                claimed[0] = id;
                OutboxEvent event = OutboxEvent.findById(id);
                List<OutboxEvent> waiting = claimWaiting(event).stream().map(w -> OutboxEvent.<OutboxEvent>findById(w)).toList();
                analysis.analyse(event.aggregateId);
                Instant done = Instant.now();
                markDone(event, done);
                waiting.forEach(w -> markDone(w, done));
                return true;
            });
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                LOG.error("Could not claim an analysis request", e);
                return false;
            }
            LOG.warnf(e, "Analysis request %d failed", claimed[0]);
            QuarkusTransaction.requiringNew().run(() -> recordFailure(claimed[0], e));
            return true;
        }
    }

    /*
     * Native SQL for the row locks: Hibernate's MySQL 8 dialect writes "for update of alias skip locked", which MariaDB
     * rejects; this form runs on MySQL 8, MariaDB 10.6+ and H2.
     */
    private Long claimNext() {
        List<?> ids = em.createNativeQuery("select id from outbox_event where topic = ?1 and status = ?2 and next_attempt_at <= ?3 "
                        + "order by id limit 1 for update skip locked")
                .setParameter(1, AnalysisRequests.TOPIC).setParameter(2, InboxStatus.PENDING.name()).setParameter(3, Instant.now())
                .getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    /** The other requests for the same customer that were already waiting: this analysis answers them too. */
    private List<Long> claimWaiting(OutboxEvent event) {
        List<?> ids = em.createNativeQuery("select id from outbox_event where topic = ?1 and aggregate_id = ?2 and corp_id = ?3 "
                        + "and status = ?4 and id <> ?5 for update skip locked")
                .setParameter(1, AnalysisRequests.TOPIC).setParameter(2, event.aggregateId).setParameter(3, event.corpId)
                .setParameter(4, InboxStatus.PENDING.name()).setParameter(5, event.id)
                .getResultList();
        return ids.stream().map(x -> ((Number) x).longValue()).toList();
    }

    private static void markDone(OutboxEvent event, Instant at) {
        event.status = InboxStatus.DONE;
        event.processedAt = at;
        event.lastError = null;
    }

    private void recordFailure(long id, RuntimeException error) {
        // The claim went with the failed transaction: another instance may have taken the request meanwhile, so the
        // failure is recorded under the row's lock and only on a request that is still waiting.
        OutboxEvent event = RowLocks.one(em, OutboxEvent.class, "outbox_event", id);
        if (event == null || event.status != InboxStatus.PENDING) {
            return;
        }
        event.attempts++;
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        event.lastError = message.length() > 1000 ? message.substring(0, 1000) : message;
        if (event.attempts >= config.outbox().maxAttempts()) {
            event.status = InboxStatus.FAILED;
            LOG.errorf("Analysis of customer %d failed %d times, giving up: %s", event.aggregateId, event.attempts, event.lastError);
        } else {
            event.nextAttemptAt = Instant.now().plus(backoff(event.attempts));
        }
    }

    Duration backoff(int attempts) {
        Duration delay = config.outbox().backoff().multipliedBy(1L << Math.min(20, attempts - 1));
        return delay.compareTo(config.outbox().maxBackoff()) > 0 ? config.outbox().maxBackoff() : delay;
    }
}
