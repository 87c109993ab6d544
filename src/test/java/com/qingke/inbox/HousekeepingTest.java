package com.qingke.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finished rows older than the retention go; pending, failed and recent rows stay. */
@QuarkusTest
class HousekeepingTest {
    @Inject Housekeeping housekeeping;

    private final String corp = "ww-house-" + UUID.randomUUID().toString().substring(0, 8);

    /** Other tests wait until no callback is pending: the pending rows made here must not outlive this test. */
    @AfterEach
    void removeWhatThisTestMade() {
        QuarkusTransaction.requiringNew().run(() -> {
            InboxMessage.delete("corpId", corp);
            OutboxEvent.delete("corpId", corp);
        });
    }

    @Test
    void onlyFinishedRowsProcessedBeforeTheCutoffAreDeleted() {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        Instant recent = Instant.now().minus(Duration.ofDays(2));
        long oldDone = inbox(InboxStatus.DONE, old);
        long oldIgnored = inbox(InboxStatus.IGNORED, old);
        long oldFailed = inbox(InboxStatus.FAILED, old);
        long oldPending = inbox(InboxStatus.PENDING, null);
        long recentDone = inbox(InboxStatus.DONE, recent);
        long oldEvent = outbox(InboxStatus.DONE, old);
        long oldPendingEvent = outbox(InboxStatus.PENDING, null);
        long recentEvent = outbox(InboxStatus.DONE, recent);

        Housekeeping.Purged purged = housekeeping.purge(Instant.now().minus(Duration.ofDays(30)));

        assertThat(purged.inbox()).isGreaterThanOrEqualTo(2);
        assertThat(purged.outbox()).isGreaterThanOrEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(InboxMessage.<InboxMessage>findById(oldDone)).isNull();
            assertThat(InboxMessage.<InboxMessage>findById(oldIgnored)).isNull();
            assertThat(InboxMessage.<InboxMessage>findById(oldFailed)).isNotNull();
            assertThat(InboxMessage.<InboxMessage>findById(oldPending)).isNotNull();
            assertThat(InboxMessage.<InboxMessage>findById(recentDone)).isNotNull();
            assertThat(OutboxEvent.<OutboxEvent>findById(oldEvent)).isNull();
            assertThat(OutboxEvent.<OutboxEvent>findById(oldPendingEvent)).isNotNull();
            assertThat(OutboxEvent.<OutboxEvent>findById(recentEvent)).isNotNull();
        });
    }

    private long inbox(InboxStatus status, Instant processedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            InboxMessage m = new InboxMessage();
            m.corpId = corp;
            m.source = InboxSource.WEB_FORM;
            m.dedupeKey = "house:" + UUID.randomUUID();
            m.messageType = "test";
            m.payload = "<xml/>";
            m.status = status;
            // far in the future, so the running inbox worker leaves the pending one alone
            m.nextAttemptAt = Instant.now().plus(Duration.ofDays(365));
            m.receivedAt = processedAt == null ? Instant.now() : processedAt;
            m.processedAt = processedAt;
            m.persist();
            return m.id;
        });
    }

    private long outbox(InboxStatus status, Instant processedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent e = new OutboxEvent();
            e.corpId = corp;
            e.topic = "house-test";
            e.aggregateId = 1L;
            e.status = status;
            e.nextAttemptAt = Instant.now().plus(Duration.ofDays(365));
            e.createdAt = processedAt == null ? Instant.now() : processedAt;
            e.processedAt = processedAt;
            e.persist();
            return e.id;
        });
    }
}
