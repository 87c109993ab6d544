package com.qingke.inbox;

import com.qingke.platform.JobRuns;
import com.qingke.platform.QingkeConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes finished inbox and outbox rows once they are older than the retention, so the two tables do not grow for
 * ever. Pending and failed rows are kept whatever their age (they are work, or evidence of a problem). A callback's
 * row is its dedupe record too; WeCom and WeChat retry within minutes, so a retention of weeks keeps every
 * redelivery answered once.
 */
@ApplicationScoped
public class Housekeeping {
    static final String JOB = "inbox-housekeeping";
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final String FINISHED = "('" + InboxStatus.DONE + "', '" + InboxStatus.IGNORED + "')";

    @ConfigMapping(prefix = "qingke.housekeeping")
    public interface Config {
        /** How long a processed callback or internal event is kept. */
        @WithDefault("P30D")
        Duration retention();

        /** Rows deleted per transaction, so the purge never holds many locks at once. */
        @WithDefault("5000")
        int batchSize();

        @WithDefault("0 15 3 * * ?")
        String cron();
    }

    public record Purged(int inbox, int outbox) {
    }

    private final EntityManager em;
    private final Config config;
    private final JobRuns jobRuns;
    private final QingkeConfig qingke;

    Housekeeping(EntityManager em, Config config, JobRuns jobRuns, QingkeConfig qingke) {
        this.em = em;
        this.config = config;
        this.jobRuns = jobRuns;
        this.qingke = qingke;
    }

    @Scheduled(cron = "${qingke.housekeeping.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        jobRuns.runLong(qingke.corpId(), JOB, day, Duration.ofHours(2), () -> purge(Instant.now().minus(config.retention())),
                        p -> p.inbox() + " inbox and " + p.outbox() + " outbox rows deleted")
                .ifPresent(p -> LOG.infof("Housekeeping: %d processed callbacks and %d internal events older than %s deleted",
                        p.inbox(), p.outbox(), config.retention()));
    }

    /** Deletes the finished rows processed before {@code cutoff}, batch by batch. */
    public Purged purge(Instant cutoff) {
        return new Purged(deleteFinished("inbox_message", cutoff), deleteFinished("outbox_event", cutoff));
    }

    private int deleteFinished(String table, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from " + table
                            + " where status in " + FINISHED + " and processed_at < ?1 limit " + config.batchSize())
                    .setParameter(1, cutoff).executeUpdate());
            total += deleted;
        } while (deleted == config.batchSize());
        return total;
    }
}
