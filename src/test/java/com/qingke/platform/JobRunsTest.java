package com.qingke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A scheduled job's period is claimed once across instances, and a run that fails does not keep its claim. */
@QuarkusTest
class JobRunsTest {
    @Inject JobRuns jobRuns;
    @Inject EntityManager em;

    private final String corp = "ww-jobs-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRunThatFailsLeavesThePeriodToTheNextTrigger() {
        assertThatThrownBy(() -> jobRuns.runOnce(corp, "test-job", "2026-01-01", () -> {
            throw new IllegalStateException("the database went away half-way");
        }, String::valueOf)).hasMessage("the database went away half-way");
        assertThat(rows()).isEmpty();

        assertThat(jobRuns.runOnce(corp, "test-job", "2026-01-01", () -> 42, n -> n + " done")).contains(42);
        assertThat(jobRuns.runOnce(corp, "test-job", "2026-01-01", () -> 43, n -> n + " done")).isEmpty();
        assertThat(rows()).containsExactly("2026-01-01 42 done");
    }

    @Test
    void aClaimIsTakenOncePerPeriod() {
        assertThat(jobRuns.claim(corp, "test-job", "2026-01-02")).isTrue();
        assertThat(jobRuns.claim(corp, "test-job", "2026-01-02")).isFalse();
        assertThat(jobRuns.runOnce(corp, "test-job", "2026-01-02", () -> 1, String::valueOf)).isEqualTo(Optional.empty());
        assertThat(jobRuns.claim(corp, "test-job", "2026-01-03")).isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<String> rows() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select concat(period_key, ' ', coalesce(result, '-')) from job_run where corp_id = ?1 order by period_key")
                .setParameter(1, corp).getResultList());
    }
}
