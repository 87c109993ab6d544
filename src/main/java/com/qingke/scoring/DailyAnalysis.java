package com.qingke.scoring;

import com.qingke.platform.JobRuns;
import com.qingke.platform.QingkeConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Once a day every active customer is analysed again, because some rules depend on time passing (silence, stuck
 * stages, overdue payments). A job_run row per corp and day makes sure only one instance runs it each day. Besides
 * the cron, a check shortly after start-up (and every day after) catches up a day that no instance was running for,
 * and gives a freshly loaded demo its grades and actions. A run that fails gives the day back; one whose instance died
 * holds it until {@code qingke.scoring.daily-claim-expiry} has passed.
 */
@ApplicationScoped
public class DailyAnalysis {
    public static final String JOB = "daily-analysis";
    private static final Logger LOG = Logger.getLogger(DailyAnalysis.class);

    private final QingkeConfig qingke;
    private final ScoringConfig config;
    private final JobRuns jobRuns;
    private final Rescore rescore;

    DailyAnalysis(QingkeConfig qingke, ScoringConfig config, JobRuns jobRuns, Rescore rescore) {
        this.qingke = qingke;
        this.config = config;
        this.jobRuns = jobRuns;
        this.rescore = rescore;
    }

    @Scheduled(cron = "${qingke.scoring.daily-cron}", timeZone = "${qingke.scoring.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        runToday();
    }

    @Scheduled(every = "${qingke.scoring.catch-up-every}", delayed = "${qingke.scoring.catch-up-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        runToday();
    }

    private void runToday() {
        String period = LocalDate.now(ZoneId.of(config.zone())).toString();
        int analysed = runOnce(qingke.corpId(), period);
        if (analysed >= 0) {
            LOG.infof("Daily analysis %s: %d customers analysed", period, analysed);
        }
    }

    /**
     * Analyses every active customer of the corp now ({@link Rescore}), unless this period already ran; returns how
     * many customers it analysed, or -1 if the period had run.
     */
    public int runOnce(String corpId, String periodKey) {
        return jobRuns.runLong(corpId, JOB, periodKey, config.dailyClaimExpiry(),
                        () -> rescore.rescoreAll(corpId, "DAILY " + periodKey),
                        result -> String.format("%d customers analysed in %d ms (%d chunks handed to the worker)",
                                result.analysed(), result.took().toMillis(), result.failedChunks()))
                .map(Rescore.Result::analysed).orElse(-1);
    }
}
