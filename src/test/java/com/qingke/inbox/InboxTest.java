package com.qingke.inbox;

import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class InboxTest {
    @Inject Inbox inbox;
    @Inject InboxWorker worker;
    @Inject RecordingHandler handler;

    @Test
    void theSameMessageDeliveredThreeTimesConcurrentlyIsStoredAndProcessedOnce() throws Exception {
        String key = Fixtures.unique("dedupe");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Boolean>> deliveries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                deliveries.add(() -> inbox.store(InboxSource.WEB_FORM, key, RecordingHandler.TYPE, key));
            }
            long stored = 0;
            for (Future<Boolean> f : pool.invokeAll(deliveries)) {
                stored += f.get() ? 1 : 0;
            }
            assertEquals(1, stored);
        } finally {
            pool.shutdown();
        }
        assertEquals(InboxStatus.DONE, drainUntilSettled(key).status);
        assertEquals(1, rows(key));
        assertEquals(1, handler.handled.get(key).get());
    }

    @Test
    void aFailingMessageIsRetriedUntilItSucceeds() throws Exception {
        String key = Fixtures.unique("retry");
        handler.failuresLeft.put(key, new AtomicInteger(2));
        assertTrue(inbox.store(InboxSource.WEB_FORM, key, RecordingHandler.TYPE, key));
        InboxMessage m = drainUntilSettled(key);
        assertEquals(InboxStatus.DONE, m.status);
        assertEquals(3, m.attempts);
        assertEquals(1, handler.handled.get(key).get());
        assertTrue(m.lastError.contains("planned failure"));
    }

    @Test
    void aMessageNobodyHandlesIsKeptAndMarkedIgnored() throws Exception {
        String key = Fixtures.unique("ignored");
        assertTrue(inbox.store(InboxSource.WEB_FORM, key, "test.unknown-type", "{}"));
        assertEquals(InboxStatus.IGNORED, drainUntilSettled(key).status);
    }

    @Test
    void anOversizedPayloadIsRefusedAndNothingIsStored() {
        String key = Fixtures.unique("huge");
        assertThrows(IllegalArgumentException.class,
                () -> inbox.store(InboxSource.WEB_FORM, key, RecordingHandler.TYPE, "x".repeat(1024 * 1024)));
        assertEquals(0, rows(key));
    }

    /**
     * The scheduled poller runs beside the test and may have claimed the message (SKIP LOCKED) when drain() looks, so
     * drain() alone can return before the message is handled: wait, bounded, until it leaves PENDING.
     */
    private InboxMessage drainUntilSettled(String key) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            worker.drain();
            InboxMessage m = message(key);
            if (m.status != InboxStatus.PENDING) {
                return m;
            }
            Thread.sleep(100);
        }
        return message(key);
    }

    private static long rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("dedupeKey", key));
    }

    private static InboxMessage message(String key) {
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.<InboxMessage>find("dedupeKey", key).firstResult());
    }
}
