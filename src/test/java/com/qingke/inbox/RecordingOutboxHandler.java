package com.qingke.inbox;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An outbox topic used by the outbox tests: records what it sent, in order, and fails a payload's first N attempts. */
// @Singleton, not @ApplicationScoped: the test reads the fields directly, which a client proxy would hide.
@Singleton
public class RecordingOutboxHandler implements OutboxHandler {
    static final String TOPIC = "TEST_OUTBOX";
    final List<String> sent = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final List<Long> gaveUp = new CopyOnWriteArrayList<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(OutboxEvent event) {
        AtomicInteger failures = failuresLeft.get(event.payload);
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("planned failure");
        }
        sent.add(event.payload);
    }

    @Override
    public void gaveUp(OutboxEvent event) {
        gaveUp.add(event.id);
    }
}
