package com.qingke.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes work for the outside world (a WeCom call) in the transaction of the change that causes it, so the work is
 * neither lost when the change commits nor done when it rolls back. {@link OutboxWorker} sends it with retries.
 */
@ApplicationScoped
public class Outbox {
    /** The payload column's size. */
    public static final int MAX_PAYLOAD = 1024;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent enqueue(String corpId, String topic, long aggregateId, String payload) {
        if (payload != null && payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("outbox payload of " + payload.length() + " characters; at most " + MAX_PAYLOAD);
        }
        OutboxEvent e = new OutboxEvent();
        e.corpId = corpId;
        e.topic = topic;
        e.aggregateId = aggregateId;
        e.payload = payload;
        e.nextAttemptAt = Instant.now();
        e.persist();
        return e;
    }
}
