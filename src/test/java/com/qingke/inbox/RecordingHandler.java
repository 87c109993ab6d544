package com.qingke.inbox;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer used by the inbox tests: counts deliveries per payload and fails a payload's first N attempts on demand. */
// @Singleton, not @ApplicationScoped: the test reads the maps directly, which a client proxy would hide.
@Singleton
public class RecordingHandler implements InboxHandler {
    static final String TYPE = "test.recording";
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    @Override
    public boolean handles(InboxSource source, String messageType) {
        return source == InboxSource.WEB_FORM && TYPE.equals(messageType);
    }

    @Override
    public void handle(InboxMessage message) {
        AtomicInteger failures = failuresLeft.get(message.payload);
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("planned failure");
        }
        handled.computeIfAbsent(message.payload, k -> new AtomicInteger()).incrementAndGet();
    }
}
