package com.qingke.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.StandaloneFakeWeChat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged app is killed with SIGKILL while WeCom streams callbacks at it, then started again: every callback it
 * acknowledged with {@code success} is processed, and none twice, including those WeCom delivers again because their
 * answer never arrived.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class KillDuringCallbacksIT {
    private static final String DATABASE = "qingke_it_kill";
    /** Kill once this many callbacks were acknowledged, and this many processed and this many still waiting. */
    private static final int KILL_AFTER_ACKS = 100;
    private static final int KILL_AFTER_PROCESSED = 10;

    private static StandaloneFakeWeChat fake;
    private static AppInstance app;

    @BeforeAll
    static void start() {
        fake = StandaloneFakeWeChat.start();
        app = AppInstance.startAlone("kill", DATABASE, fake);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.kill();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void everyAcknowledgedCallbackIsProcessedOnceAfterAKillAndRestart() {
        Ledger ledger = new Ledger(PrivateMariaDb.shared(), DATABASE);
        WeComTraffic.Stream stream = new WeComTraffic.Stream(fake, 2, Duration.ofMillis(40), i -> app);
        Await.until(() -> stream.acknowledged() >= KILL_AFTER_ACKS
                        && ledger.count("select count(*) from inbox_message where status = 'DONE'") >= KILL_AFTER_PROCESSED
                        && ledger.count("select count(*) from inbox_message where status = 'PENDING'") >= KILL_AFTER_PROCESSED,
                Duration.ofMinutes(4), "callbacks acknowledged, some processed and some waiting");
        app.kill();
        long pendingAtKill = ledger.count("select count(*) from inbox_message where status = 'PENDING'");
        long doneAtKill = ledger.count("select count(*) from inbox_message where status = 'DONE'");
        int postedBeforeKill = stream.sent().size();
        // WeCom keeps posting into the dead address for a moment
        Await.until(() -> stream.sent().size() >= postedBeforeKill + 20, Duration.ofMinutes(1), "posts to the dead instance");
        List<WeComTraffic.Sent> first = stream.stop();

        Set<String> acknowledged = first.stream().filter(WeComTraffic.Sent::acknowledged).map(WeComTraffic.Sent::externalUserId)
                .collect(Collectors.toSet());
        assertThat(acknowledged.size()).as("killed mid-stream: some callbacks acknowledged, some not")
                .isGreaterThanOrEqualTo(KILL_AFTER_ACKS).isLessThan(first.size());
        assertThat(pendingAtKill).as("acknowledged callbacks were still waiting to be processed when the app died").isPositive();
        assertThat(first.stream().filter(s -> !s.acknowledged()).map(WeComTraffic.Sent::status).collect(Collectors.toSet()))
                .as("the instance answered success until it died, and nothing after (status 0)").containsOnly(0);

        long restarting = System.nanoTime();
        app.start().awaitReady();
        long restartMillis = (System.nanoTime() - restarting) / 1_000_000;
        long drainMillis = ledger.awaitInboxDrained(Duration.ofMinutes(5));
        Map<String, Ledger.Effects> afterRestart = ledger.effects();
        assertThat(afterRestart.keySet()).as("every acknowledged callback is processed after the restart").containsAll(acknowledged);
        assertThat(acknowledged).allSatisfy(id -> assertThat(afterRestart.get(id).exactlyOnce()).as(id + " processed once").isTrue());

        // WeCom delivers again what it saw no success for, and a retry of an acknowledged callback (its answer lost) is harmless.
        List<EncryptedCallback> unanswered = first.stream().filter(s -> !s.acknowledged()).map(s -> fake.retry(s.callback())).toList();
        List<EncryptedCallback> repeatedAcknowledged = first.stream().filter(WeComTraffic.Sent::acknowledged).limit(20)
                .map(s -> fake.retry(s.callback())).toList();
        List<WeComTraffic.Sent> retries = WeComTraffic.postAll(unanswered, 4, i -> app);
        List<WeComTraffic.Sent> repeats = WeComTraffic.postAll(repeatedAcknowledged, 4, i -> app);
        assertThat(retries).allSatisfy(s -> assertThat(s.acknowledged()).as(s.externalUserId() + " " + s.status() + " " + s.body()).isTrue());
        assertThat(repeats).allSatisfy(s -> assertThat(s.acknowledged()).isTrue());
        ledger.awaitInboxDrained(Duration.ofMinutes(5));

        Set<String> all = first.stream().map(WeComTraffic.Sent::externalUserId).collect(Collectors.toSet());
        Map<String, Ledger.Effects> effects = ledger.effects();
        assertThat(effects.keySet()).as("every contact, acknowledged the first time or retried").isEqualTo(all);
        assertThat(effects.values()).allSatisfy(e -> assertThat(e.exactlyOnce()).as(e.toString()).isTrue());
        assertThat(ledger.count("select count(*) from customer")).isEqualTo(all.size());
        List<Ledger.InboxRow> inbox = ledger.wecomInbox();
        assertThat(inbox).hasSize(all.size());
        assertThat(inbox).allSatisfy(r -> assertThat(r.status()).isEqualTo("DONE"));
        assertThat(inbox.stream().map(Ledger.InboxRow::externalUserId).collect(Collectors.toSet())).isEqualTo(all);

        Figures.record("kill", Map.of(
                "callbacks", all.size(),
                "acknowledgedBeforeKill", acknowledged.size(),
                "processedAtKill", doneAtKill,
                "storedNotProcessedAtKill", pendingAtKill,
                "storedButNotAcknowledged", pendingAtKill + doneAtKill - acknowledged.size(),
                "unansweredRetriedAfterRestart", unanswered.size(),
                "restartToReadyMillis", restartMillis,
                "backlogDrainedMillis", drainMillis,
                "inboxRowsWithMoreThanOneAttempt", inbox.stream().filter(r -> r.attempts() > 1).count()));
    }
}
