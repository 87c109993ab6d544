package com.qingke.inbox;

import com.qingke.platform.QingkeConfig;
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
    @Inject QingkeConfig qingke;

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
    void aHandlerFailingInABatchIsRolledBackAloneAndRetriedWhileTheOthersCommitOnce() throws Exception {
        String first = Fixtures.unique(RecordingHandler.WRITES + "batch-first");
        String failing = Fixtures.unique(RecordingHandler.WRITES + "batch-failing");
        String last = Fixtures.unique(RecordingHandler.WRITES + "batch-last");
        handler.failuresAfterWriteLeft.put(failing, new AtomicInteger(1));
        storeTogether(first, failing, last);

        for (String key : List.of(first, failing, last)) {
            assertEquals(InboxStatus.DONE, drainUntilSettled(key).status, key);
            // the failed attempt's own write was rolled back with it: one marker each, from the attempt that succeeded
            assertEquals(1, rows("mark:" + key), key);
        }
        assertEquals(1, message(first).attempts);
        assertEquals(1, message(last).attempts);
        InboxMessage retried = message(failing);
        assertEquals(2, retried.attempts);
        assertTrue(retried.lastError.contains("planned failure after writing"));
        // the others were handled once: their batch committed without a second run
        assertEquals(1, handler.handled.get(first).get());
        assertEquals(1, handler.handled.get(failing).get());
        assertEquals(1, handler.handled.get(last).get());
    }

    @Test
    void aDatabaseErrorInABatchFallsBackToOneTransactionPerMessage() throws Exception {
        String first = Fixtures.unique(RecordingHandler.WRITES + "db-first");
        String failing = Fixtures.unique(RecordingHandler.WRITES + "db-failing");
        String last = Fixtures.unique(RecordingHandler.WRITES + "db-last");
        // the first error rolls back the whole batch (not counted: nothing of it committed), the second fails the
        // message in a transaction of its own (counted), the third attempt succeeds
        handler.databaseErrorsLeft.put(failing, new AtomicInteger(2));
        storeTogether(first, failing, last);

        for (String key : List.of(first, failing, last)) {
            assertEquals(InboxStatus.DONE, drainUntilSettled(key).status, key);
            assertEquals(1, rows("mark:" + key), key);
        }
        assertEquals(1, message(first).attempts);
        assertEquals(1, message(last).attempts);
        InboxMessage retried = message(failing);
        assertEquals(2, retried.attempts);
        assertTrue(retried.lastError.contains("no_such_column") || retried.lastError.contains("Exception"), retried.lastError);
        assertEquals(1, handler.handled.get(failing).get());
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

    /** Stores the messages in one transaction, so that the worker finds them due together (one batch). */
    private void storeTogether(String... payloads) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String payload : payloads) {
                InboxMessage m = new InboxMessage();
                m.corpId = qingke.corpId();
                m.source = InboxSource.WEB_FORM;
                m.dedupeKey = payload;
                m.messageType = RecordingHandler.TYPE;
                m.payload = payload;
                m.persist();
            }
        });
    }

    private static long rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("dedupeKey", key));
    }

    private static InboxMessage message(String key) {
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.<InboxMessage>find("dedupeKey", key).firstResult());
    }
}
