package com.qingke.inbox;

/**
 * Sends one topic of outbox work to the outside world (a WeCom call). Runs inside the transaction that marks the row
 * done, so what the handler writes (audit, caches) commits with the "done" mark. Throw to have the row retried with
 * back-off; return normally for outcomes a retry cannot change (record them yourself).
 *
 * <p>Rows of one topic and aggregate are handed over in the order they were written, one at a time: a later change
 * for the same customer waits while an earlier one is being retried, so a retry never overtakes a newer change.
 */
public interface OutboxHandler {

    /** The outbox topic this handler sends (at most 32 characters). */
    String topic();

    void handle(OutboxEvent event);

    /** Called in a transaction of its own when the row is parked as FAILED after its last attempt. */
    default void gaveUp(OutboxEvent event) {
    }
}
