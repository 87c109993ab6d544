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
import java.time.Instant;
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

    /** True when this instance may run the job for the period; false when another instance (or this one) already did. */
    public boolean claim(String corpId, String job, String periodKey) {
        // Plain JDBC: losing the race is the normal case for every instance but one, and Hibernate would log each
        // lost race as a SQL error at WARN level.
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, corpId);
                ps.setString(2, job);
                ps.setString(3, periodKey);
                ps.setString(4, ManagementFactory.getRuntimeMXBean().getName());
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
        });
    }

    public void finish(String corpId, String job, String periodKey, String result) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update job_run set finished_at = ?1, result = ?2 where corp_id = ?3 and job_name = ?4 and period_key = ?5")
                .setParameter(1, Instant.now()).setParameter(2, result)
                .setParameter(3, corpId).setParameter(4, job).setParameter(5, periodKey)
                .executeUpdate());
    }
}
