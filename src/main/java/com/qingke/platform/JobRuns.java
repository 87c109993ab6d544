package com.qingke.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes a scheduled job run once per period across app instances: the first instance to insert the
 * (corp, job, period) row into job_run wins; the unique key turns the others away.
 */
@ApplicationScoped
public class JobRuns {
    private static final Logger LOG = Logger.getLogger(JobRuns.class);
    private static final String INSERT = "insert into job_run (corp_id, job_name, period_key, instance_id, started_at) values (?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    JobRuns(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Runs a short job for the period at most once across instances, in one transaction with its claim: when the work
     * fails or the instance dies on the way, the claim goes with it, and the next trigger (on any instance) runs the
     * period. An instance claiming the same period meanwhile waits for this transaction, then finds the period taken.
     * Work that takes minutes would hold that wait: use {@link #claim} and {@link #finish} for it.
     *
     * @return what the work returned, or empty when the period already ran
     */
    public <T> Optional<T> runOnce(String corpId, String job, String periodKey, Supplier<T> work, Function<T, String> result) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!insert(corpId, job, periodKey)) {
                return Optional.<T>empty();
            }
            T done = work.get();
            markFinished(corpId, job, periodKey, result.apply(done));
            return Optional.of(done);
        });
    }

    /**
     * Runs long work (minutes) for the period at most once across instances without holding a transaction open: the
     * claim is committed first, so other instances see the period taken at once. When the work throws, the claim is
     * given back and the next trigger runs the period again; when the instance dies on the way, the unfinished claim
     * expires after {@code expiry} and the next trigger on any instance takes it over.
     *
     * @return what the work returned, or empty when the period ran or is being run elsewhere
     */
    public <T> Optional<T> runLong(String corpId, String job, String periodKey, Duration expiry, Supplier<T> work,
            Function<T, String> result) {
        if (!claim(corpId, job, periodKey, expiry)) {
            return Optional.empty();
        }
        T done;
        try {
            done = work.get();
        } catch (RuntimeException | Error e) {
            release(corpId, job, periodKey);
            throw e;
        }
        finish(corpId, job, periodKey, result.apply(done));
        return Optional.of(done);
    }

    /**
     * True when this instance may run the job for the period; false when another instance (or this one) already did,
     * or has been running it for less than {@code expiry}. An unfinished claim older than that was left by an
     * instance that died, and is taken over (by one instance only: the update re-checks the row under its lock).
     */
    public boolean claim(String corpId, String job, String periodKey, Duration expiry) {
        return QuarkusTransaction.requiringNew().call(() -> insert(corpId, job, periodKey)
                || takeOverExpired(corpId, job, periodKey, expiry));
    }

    /** Claims the period for good: a run that dies afterwards leaves it claimed (what {@link #runLong} avoids). */
    boolean claim(String corpId, String job, String periodKey) {
        return QuarkusTransaction.requiringNew().call(() -> insert(corpId, job, periodKey));
    }

    private boolean takeOverExpired(String corpId, String job, String periodKey, Duration expiry) {
        Instant now = Instant.now();
        // A plain read first: the lost insert holds a shared lock on the row, and asking for an exclusive one as well
        // while its owner updates the row to finish it is a deadlock that MariaDB resolves by failing the owner.
        Number expired = (Number) em.createNativeQuery("select count(*) from job_run where corp_id = ?1 and job_name = ?2"
                        + " and period_key = ?3 and finished_at is null and started_at < ?4")
                .setParameter(1, corpId).setParameter(2, job).setParameter(3, periodKey).setParameter(4, now.minus(expiry))
                .getSingleResult();
        if (expired.longValue() == 0) {
            return false;
        }
        int taken = em.createNativeQuery("update job_run set instance_id = ?1, started_at = ?2 where corp_id = ?3"
                        + " and job_name = ?4 and period_key = ?5 and finished_at is null and started_at < ?6")
                .setParameter(1, instanceId()).setParameter(2, now).setParameter(3, corpId).setParameter(4, job)
                .setParameter(5, periodKey).setParameter(6, now.minus(expiry))
                .executeUpdate();
        if (taken == 1) {
            LOG.warnf("%s %s: the claim of an instance that did not finish within %s was taken over", job, periodKey, expiry);
        }
        return taken == 1;
    }

    private void release(String corpId, String job, String periodKey) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from job_run where corp_id = ?1"
                        + " and job_name = ?2 and period_key = ?3 and finished_at is null and instance_id = ?4")
                .setParameter(1, corpId).setParameter(2, job).setParameter(3, periodKey).setParameter(4, instanceId())
                .executeUpdate());
    }

    private static String instanceId() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    /** Inserts the claim in the current transaction; false when the period is taken. */
    private boolean insert(String corpId, String job, String periodKey) throws SQLException {
        // Plain JDBC: losing the race is the normal case for every instance but one, and Hibernate would log each
        // lost race as a SQL error at WARN level.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, corpId);
            ps.setString(2, job);
            ps.setString(3, periodKey);
            ps.setString(4, instanceId());
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            // SQLState 23000 (MySQL/MariaDB) and 23505 (H2): the unique (corp, job, period) key; anything else is a real error
            if ("23000".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                LOG.debugf("%s %s already claimed; not run here", job, periodKey);
                return false;
            }
            throw e;
        }
    }

    public void finish(String corpId, String job, String periodKey, String result) {
        QuarkusTransaction.requiringNew().run(() -> markFinished(corpId, job, periodKey, result));
    }

    private void markFinished(String corpId, String job, String periodKey, String result) {
        em.createNativeQuery("update job_run set finished_at = ?1, result = ?2 where corp_id = ?3 and job_name = ?4 and period_key = ?5")
                .setParameter(1, Instant.now()).setParameter(2, result)
                .setParameter(3, corpId).setParameter(4, job).setParameter(5, periodKey)
                .executeUpdate();
    }
}
