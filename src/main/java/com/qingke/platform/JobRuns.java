package com.qingke.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Makes a scheduled job run once per period across app instances: the first instance to insert the
 * (corp, job, period) row into job_run wins; the unique key turns the others away.
 */
@ApplicationScoped
public class JobRuns {
    private final EntityManager em;

    JobRuns(EntityManager em) {
        this.em = em;
    }

    /** True when this instance may run the job for the period; false when another instance already did. */
    public boolean claim(String corpId, String job, String periodKey) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "insert into job_run (corp_id, job_name, period_key, instance_id, started_at) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, corpId).setParameter(2, job).setParameter(3, periodKey)
                    .setParameter(4, ManagementFactory.getRuntimeMXBean().getName()).setParameter(5, Instant.now())
                    .executeUpdate());
            return true;
        } catch (PersistenceException e) {
            // the unique (corp, job, period) key says another instance already ran it; anything else is a real error
            Number runs = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                            "select count(*) from job_run where corp_id = ?1 and job_name = ?2 and period_key = ?3")
                    .setParameter(1, corpId).setParameter(2, job).setParameter(3, periodKey).getSingleResult());
            if (runs.longValue() > 0) {
                return false;
            }
            throw e;
        }
    }

    public void finish(String corpId, String job, String periodKey, String result) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update job_run set finished_at = ?1, result = ?2 where corp_id = ?3 and job_name = ?4 and period_key = ?5")
                .setParameter(1, Instant.now()).setParameter(2, result)
                .setParameter(3, corpId).setParameter(4, job).setParameter(5, periodKey)
                .executeUpdate());
    }
}
