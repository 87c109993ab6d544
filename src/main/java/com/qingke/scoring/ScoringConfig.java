package com.qingke.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Analysis settings (WF-03). Intent weights, half-life and grade thresholds are not here: they live in rules/*.drl. */
@ConfigMapping(prefix = "qingke.scoring")
public interface ScoringConfig {

    /** How far back behaviour events are read for the intent facts. */
    @WithDefault("180")
    int lookbackDays();

    /** The win rate of an open opportunity per stage until a trained model is active (the cold start). */
    StagePrior stagePrior();

    /** Days an opportunity usually spends in a stage, used until the corp's own history has enough samples. */
    UsualDays usualDaysInStage();

    /** How many left-the-stage samples the corp needs before its own median replaces the default above. */
    @WithDefault("5")
    int minStageSamples();

    /** How long the corp's stage durations are cached. */
    @WithDefault("PT1H")
    Duration stageStatsTtl();

    Outbox outbox();

    /** The full rescore (daily run, admin endpoint): customers per transaction and how many transactions at once. */
    Rescore rescore();

    /** When the daily analysis (time-based rules such as silence) runs. */
    @WithDefault("0 30 6 * * ?")
    String dailyCron();

    /** How long after start-up to check that today's daily analysis ran, and how often to check again. */
    @WithDefault("30s")
    String catchUpDelay();

    @WithDefault("24h")
    String catchUpEvery();

    /**
     * How long an unfinished daily run keeps the day: after that it is taken to have died with its instance, and the
     * next check runs the day again. Longer than a full rescore of the largest corp takes.
     */
    @WithDefault("PT2H")
    Duration dailyClaimExpiry();

    /** The corp's time zone: the daily run is once per calendar day there. */
    @WithDefault("Asia/Shanghai")
    String zone();

    interface StagePrior {
        @WithDefault("0.10")
        double initial();

        @WithDefault("0.25")
        double qualified();

        @WithDefault("0.45")
        double proposal();

        @WithDefault("0.65")
        double negotiation();
    }

    interface UsualDays {
        @WithDefault("7")
        double initial();

        @WithDefault("14")
        double qualified();

        @WithDefault("14")
        double proposal();

        @WithDefault("21")
        double negotiation();
    }

    interface Rescore {
        /** Customers analysed per transaction: their facts are read with a handful of queries for the whole chunk. */
        @WithDefault("500")
        int chunkSize();

        /** Chunks analysed at the same time (threads); the database does about half of the work. */
        @WithDefault("2")
        int parallelism();
    }

    interface Outbox {
        /** How often the analysis worker looks for due requests. */
        @WithDefault("1s")
        String pollEvery();

        /** At most this many requests per poll, so one instance does not starve the others. */
        @WithDefault("100")
        int batchSize();

        /** After this many failures a request is marked FAILED and left for an operator. */
        @WithDefault("8")
        int maxAttempts();

        /** First retry delay; doubled for each further failure. */
        @WithDefault("PT5S")
        Duration backoff();

        @WithDefault("PT30M")
        Duration maxBackoff();
    }
}
