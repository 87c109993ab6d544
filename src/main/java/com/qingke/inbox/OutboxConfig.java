package com.qingke.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The worker that sends outbox work to WeCom (new-lead messages, tag write-back); analysis has its own worker. */
@ConfigMapping(prefix = "qingke.outbox")
public interface OutboxConfig {

    /** How often the worker looks for due rows (read by the @Scheduled expression; "off" disables it). */
    @WithDefault("1s")
    String pollInterval();

    /** How many due rows one round looks at. */
    @WithDefault("50")
    int batchSize();

    /**
     * After this many failed attempts a row is parked as FAILED (kept, and audited by its handler). With the default
     * delays that is about an hour of WeCom being unreachable.
     */
    @WithDefault("12")
    int maxAttempts();

    /** First retry delay; doubles with every attempt up to {@link #maxRetryDelay()}. */
    @WithDefault("PT5S")
    Duration firstRetryDelay();

    @WithDefault("PT10M")
    Duration maxRetryDelay();
}
