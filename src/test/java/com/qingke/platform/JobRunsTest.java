package com.qingke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
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

    @Test
    void aLongRunThatFailsGivesTheDayBackAndOneThatSucceedsKeepsIt() {
        Duration expiry = Duration.ofHours(2);
        assertThatThrownBy(() -> jobRuns.runLong(corp, "long-job", "2026-02-01", expiry, () -> {
            throw new IllegalStateException("rescore failed in chunk 3");
        }, String::valueOf)).hasMessage("rescore failed in chunk 3");
        assertThat(rows()).isEmpty();

        assertThat(jobRuns.runLong(corp, "long-job", "2026-02-01", expiry, () -> 7, n -> n + " analysed")).contains(7);
        assertThat(jobRuns.runLong(corp, "long-job", "2026-02-01", expiry, () -> 8, n -> n + " analysed")).isEmpty();
        assertThat(rows()).containsExactly("2026-02-01 7 analysed");
    }

    @Test
    void anUnfinishedClaimIsHonouredUntilItExpiresThenTakenOverOnce() {
        Duration expiry = Duration.ofHours(2);
        // another instance claimed the day and is still running (or died a moment ago)
        assertThat(jobRuns.claim(corp, "long-job", "2026-02-02")).isTrue();
        assertThat(jobRuns.runLong(corp, "long-job", "2026-02-02", expiry, () -> 1, String::valueOf)).isEmpty();

        // it died three hours ago: the next trigger takes the day over, and only one claimant wins it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update job_run set started_at = ?1, instance_id = 'dead@host' where corp_id = ?2")
                .setParameter(1, Instant.now().minus(Duration.ofHours(3))).setParameter(2, corp).executeUpdate());
        assertThat(jobRuns.claim(corp, "long-job", "2026-02-02", expiry)).isTrue();
        assertThat(jobRuns.claim(corp, "long-job", "2026-02-02", expiry)).isFalse();
        assertThat(jobRuns.runLong(corp, "long-job", "2026-02-02", expiry, () -> 2, String::valueOf)).isEmpty();

        // a finished day is never taken over, however old
        jobRuns.finish(corp, "long-job", "2026-02-02", "done");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update job_run set started_at = ?1 where corp_id = ?2")
                .setParameter(1, Instant.now().minus(Duration.ofDays(3))).setParameter(2, corp).executeUpdate());
        assertThat(jobRuns.runLong(corp, "long-job", "2026-02-02", expiry, () -> 3, String::valueOf)).isEmpty();
        assertThat(rows()).containsExactly("2026-02-02 done");
    }

    @SuppressWarnings("unchecked")
    private List<String> rows() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select concat(period_key, ' ', coalesce(result, '-')) from job_run where corp_id = ?1 order by period_key")
                .setParameter(1, corp).getResultList());
    }
}
