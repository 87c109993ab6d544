package com.qingke.inbox;

import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class OutboxWorkerTest {
    @Inject Outbox outbox;
    @Inject OutboxWorker worker;
    @Inject OutboxConfig config;
    @Inject RecordingOutboxHandler handler;

    private long enqueue(long aggregate, String payload) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue("ww-outbox-test", RecordingOutboxHandler.TOPIC, aggregate, payload).id);
    }

    private static OutboxEvent row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.findById(id));
    }

    private void drainUntilDone(long... ids) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            worker.drain();
            boolean pending = false;
            for (long id : ids) {
                pending |= row(id).status == InboxStatus.PENDING;
            }
            if (!pending) {
                return;
            }
            Thread.sleep(50);
        }
        fail("outbox rows still pending");
    }

    @Test
    void aFailingRowIsRetriedUntilItIsSentAndThenSentNoMore() throws Exception {
        String payload = Fixtures.unique("retry");
        handler.failuresLeft.put(payload, new AtomicInteger(2));
        long id = enqueue(1, payload);
        drainUntilDone(id);
        OutboxEvent e = row(id);
        assertEquals(InboxStatus.DONE, e.status);
        assertEquals(3, e.attempts, "two failures, then sent");
        assertNull(e.lastError);
        worker.drain();
        assertEquals(1, handler.sent.stream().filter(payload::equals).count(), "sent once");
    }

    @Test
    void aLaterChangeOfTheSameAggregateWaitsForAnEarlierOneThatIsBeingRetried() throws Exception {
        long aggregate = System.nanoTime();
        String first = Fixtures.unique("first");
        String second = Fixtures.unique("second");
        String other = Fixtures.unique("other");
        handler.failuresLeft.put(first, new AtomicInteger(3));
        long a = enqueue(aggregate, first);
        long b = enqueue(aggregate, second);
        long c = enqueue(aggregate + 1, other);
        worker.drain();
        assertFalse(handler.sent.contains(second), "the second change must not overtake the first one while it is retried");
        drainUntilDone(a, b, c);
        List<String> mine = handler.sent.stream().filter(p -> p.equals(first) || p.equals(second)).toList();
        assertEquals(List.of(first, second), mine);
        assertTrue(handler.sent.contains(other));
    }

    @Test
    void aRowIsParkedAsFailedAfterTheLastAttemptAndItsHandlerIsTold() {
        String payload = Fixtures.unique("hopeless");
        handler.failuresLeft.put(payload, new AtomicInteger(1000));
        long id = enqueue(2, payload);
        // one attempt short of the limit, as if WeCom had been failing for an hour
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.<OutboxEvent>findById(id).attempts = config.maxAttempts() - 1);
        worker.drain();
        OutboxEvent e = row(id);
        assertEquals(InboxStatus.FAILED, e.status);
        assertEquals(config.maxAttempts(), e.attempts);
        assertTrue(e.lastError.contains("planned failure"));
        assertTrue(handler.gaveUp.contains(id));
        assertFalse(handler.sent.contains(payload));
    }

    @Test
    void theRetryDelayDoublesUpToItsCap() {
        assertEquals(config.firstRetryDelay(), worker.backoff(1));
        assertEquals(config.firstRetryDelay().multipliedBy(4), worker.backoff(3));
        assertEquals(config.maxRetryDelay(), worker.backoff(40));
    }
}
