package com.qingke.inbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer used by the inbox tests: counts deliveries per payload and fails a payload's first N attempts on demand,
 * before doing anything, after a database write of its own, or with a database error (which leaves the transaction
 * rollback-only). A payload starting with {@value #WRITES} stores a marker row ({@link #MARKER}, dedupe key
 * {@code "mark:" + payload}) in the handler's transaction, so a test can count the committed effects.
 */
// @Singleton, not @ApplicationScoped: the test reads the maps directly, which a client proxy would hide.
@Singleton
public class RecordingHandler implements InboxHandler {
    static final String TYPE = "test.recording";
    static final String MARKER = "test.marker";
    static final String WRITES = "w:";
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failuresAfterWriteLeft = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> databaseErrorsLeft = new ConcurrentHashMap<>();

    @Inject EntityManager em;

    @Override
    public boolean handles(InboxSource source, String messageType) {
        return source == InboxSource.WEB_FORM && TYPE.equals(messageType);
    }

    @Override
    public void handle(InboxMessage message) {
        if (due(failuresLeft, message.payload)) {
            throw new IllegalStateException("planned failure");
        }
        if (message.payload.startsWith(WRITES)) {
            InboxMessage marker = new InboxMessage();
            marker.corpId = message.corpId;
            marker.source = InboxSource.WEB_FORM;
            marker.dedupeKey = "mark:" + message.payload;
            marker.messageType = MARKER;
            marker.payload = message.payload;
            em.persist(marker);
            em.flush();
        }
        if (due(failuresAfterWriteLeft, message.payload)) {
            throw new IllegalStateException("planned failure after writing");
        }
        if (due(databaseErrorsLeft, message.payload)) {
            em.createNativeQuery("select no_such_column from inbox_message").getResultList();
        }
        handled.computeIfAbsent(message.payload, k -> new AtomicInteger()).incrementAndGet();
    }

    private static boolean due(Map<String, AtomicInteger> failures, String payload) {
        AtomicInteger left = failures.get(payload);
        return left != null && left.getAndDecrement() > 0;
    }
}
