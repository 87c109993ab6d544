package com.qingke.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "qingke.inbox")
public interface InboxConfig {

    /** How often the worker looks for due messages (read by the @Scheduled expression). */
    @WithDefault("1s")
    String pollInterval();

    /** How many due messages one poll claims. */
    @WithDefault("50")
    int batchSize();

    /**
     * How many of the claimed messages are handled in one transaction (one commit); a failing handler is rolled back
     * to its own savepoint, so the others still commit. 1 processes each message in a transaction of its own.
     */
    @WithDefault("20")
    int messagesPerTransaction();

    /** After this many failed attempts a message is parked as FAILED for an admin to look at. */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; doubles with every attempt. */
    @WithDefault("PT2S")
    Duration firstRetryDelay();

    /** Payloads larger than this are refused before they are stored. */
    @WithDefault("65536")
    int maxPayloadBytes();
}
