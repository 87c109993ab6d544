package com.qingke.scoring;

import com.qingke.customer.CustomerStatus;
import com.qingke.inbox.InboxStatus;
import com.qingke.platform.QingkeConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Once a day every active customer is analysed again, because some rules depend on time passing (silence, stuck
 * stages, overdue payments). A job_run row per corp and day makes sure only one instance enqueues each day.
 */
@ApplicationScoped
public class DailyAnalysis {
    public static final String JOB = "daily-analysis";
    private static final Logger LOG = Logger.getLogger(DailyAnalysis.class);

    private final EntityManager em;
    private final QingkeConfig qingke;
    private final ScoringConfig config;

    DailyAnalysis(EntityManager em, QingkeConfig qingke, ScoringConfig config) {
        this.em = em;
        this.qingke = qingke;
        this.config = config;
    }

    @Scheduled(cron = "${qingke.scoring.daily-cron}", timeZone = "${qingke.scoring.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        String period = LocalDate.now(ZoneId.of(config.zone())).toString();
        int queued = runOnce(qingke.corpId(), period);
        if (queued >= 0) {
            LOG.infof("Daily analysis %s: %d customers queued", period, queued);
        }
    }

    /** Enqueues every active customer of the corp, unless this period already ran; returns how many, or -1 if it ran. */
    public int runOnce(String corpId, String periodKey) {
        if (!claim(corpId, periodKey)) {
            return -1;
        }
        int queued = enqueueAll(corpId, "DAILY " + periodKey);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update job_run set finished_at = ?1, result = ?2 where corp_id = ?3 and job_name = ?4 and period_key = ?5")
                .setParameter(1, Instant.now()).setParameter(2, queued + " customers queued")
                .setParameter(3, corpId).setParameter(4, JOB).setParameter(5, periodKey)
                .executeUpdate());
        return queued;
    }

    /** Enqueues an analysis request for every active customer of the corp in one statement. */
    public int enqueueAll(String corpId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "insert into outbox_event (corp_id, topic, aggregate_id, payload, status, attempts, next_attempt_at, created_at) "
                                + "select corp_id, ?1, id, ?2, ?3, 0, ?4, ?4 from customer where corp_id = ?5 and status = ?6")
                .setParameter(1, AnalysisRequests.TOPIC).setParameter(2, reason).setParameter(3, InboxStatus.PENDING.name())
                .setParameter(4, Instant.now()).setParameter(5, corpId).setParameter(6, CustomerStatus.ACTIVE.name())
                .executeUpdate());
    }

    private boolean claim(String corpId, String periodKey) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "insert into job_run (corp_id, job_name, period_key, instance_id, started_at) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, corpId).setParameter(2, JOB).setParameter(3, periodKey)
                    .setParameter(4, ManagementFactory.getRuntimeMXBean().getName()).setParameter(5, Instant.now())
                    .executeUpdate());
            return true;
        } catch (PersistenceException e) {
            // the unique (corp, job, period) key says another instance already ran it; anything else is a real error
            Number runs = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                            "select count(*) from job_run where corp_id = ?1 and job_name = ?2 and period_key = ?3")
                    .setParameter(1, corpId).setParameter(2, JOB).setParameter(3, periodKey).getSingleResult());
            if (runs.longValue() > 0) {
                return false;
            }
            throw e;
        }
    }
}
