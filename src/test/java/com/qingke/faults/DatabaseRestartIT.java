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
 * MariaDB is shut down under the running app while WeCom keeps posting, and started again: while it is away the app
 * answers every callback with a 5xx (WeCom retries anything but {@code success}) and reports not ready; when it is back
 * the app recovers by itself (no restart), and every callback acknowledged before, during or after is processed once.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DatabaseRestartIT {
    private static final String DATABASE = "qingke_it_dbrestart";
    /** The outage lasts at least this long and until this many callbacks were refused. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final int REFUSED_DURING_OUTAGE = 8;

    private static StandaloneFakeWeChat fake;
    private static AppInstance app;

    @BeforeAll
    static void start() {
        fake = StandaloneFakeWeChat.start();
        app = AppInstance.startAlone("dbrestart", DATABASE, fake);
    }

    @AfterAll
    static void stop() {
        // the database must run again for the other tests of this JVM, whatever happened here
        PrivateMariaDb.shared().start();
        if (app != null) {
            app.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theAppRefusesCallbacksWhileTheDatabaseIsAwayAndRecoversByItself() {
        PrivateMariaDb db = PrivateMariaDb.shared();
        Ledger ledger = new Ledger(db, DATABASE);
        WeComTraffic.Stream stream = new WeComTraffic.Stream(fake, 2, Duration.ofMillis(20), i -> app);
        Await.until(() -> stream.acknowledged() >= 50
                        && ledger.count("select count(*) from inbox_message where status = 'DONE'") >= 10,
                Duration.ofMinutes(4), "callbacks acknowledged and processed before the outage");

        db.stop();
        long down = System.nanoTime();
        long healthDownMillis = Await.until(() -> app.readiness() == 503, Duration.ofMinutes(1), "/q/health/ready DOWN");
        AppInstance.Answer readiness = app.get("/q/health/ready");
        AppInstance.Answer liveness = app.get("/q/health/live");
        Await.until(() -> System.nanoTime() - down > OUTAGE.toNanos()
                        && stream.sent().stream().filter(s -> s.startedAt() > down).count() >= REFUSED_DURING_OUTAGE,
                Duration.ofMinutes(2), "callbacks posted during the outage");
        long outageMillis = (System.nanoTime() - down) / 1_000_000;
        // db.start() returns once the server answers; a callback answered while it was starting may already be stored
        long restarting = System.nanoTime();
        db.start();
        long up = System.nanoTime();

        Await.until(() -> stream.sent().stream().anyMatch(s -> s.startedAt() > up && s.acknowledged()),
                Duration.ofMinutes(2), "a callback acknowledged after the database came back");
        Await.until(() -> app.readiness() == 200, Duration.ofMinutes(2), "/q/health/ready UP again");
        long healthUpMillis = (System.nanoTime() - up) / 1_000_000;
        int sentBeforeStop = stream.sent().size();
        Await.until(() -> stream.sent().size() >= sentBeforeStop + 30, Duration.ofMinutes(2), "callbacks after the recovery");
        List<WeComTraffic.Sent> sent = stream.stop();

        List<WeComTraffic.Sent> duringOutage = sent.stream().filter(s -> s.startedAt() > down && s.answeredAt() < restarting).toList();
        long firstAck = sent.stream().filter(s -> s.startedAt() > up && s.acknowledged()).mapToLong(WeComTraffic.Sent::answeredAt)
                .min().orElseThrow();
        long firstAckMillis = (firstAck - up) / 1_000_000;
        assertThat(readiness.body()).as("readiness names the database as DOWN").contains("\"status\": \"DOWN\"");
        assertThat(liveness.status()).as("still alive: nothing to restart, the app recovers by itself").isEqualTo(200);
        assertThat(duringOutage).hasSizeGreaterThanOrEqualTo(REFUSED_DURING_OUTAGE);
        assertThat(duringOutage).as("while the database is away nothing is acknowledged; every answer is a 5xx, so WeCom retries")
                .allSatisfy(s -> assertThat(s.status()).as(s.status() + " " + s.body()).isBetween(500, 599));
        assertThat(sent.stream().filter(s -> s.startedAt() > firstAck))
                .as("after the first success nothing is refused any more: the pool recovered").allSatisfy(s ->
                        assertThat(s.acknowledged()).as(s.status() + " " + s.body()).isTrue());

        Set<String> acknowledged = sent.stream().filter(WeComTraffic.Sent::acknowledged).map(WeComTraffic.Sent::externalUserId)
                .collect(Collectors.toSet());
        long drainMillis = ledger.awaitInboxDrained(Duration.ofMinutes(5));
        Map<String, Ledger.Effects> processed = ledger.effects();
        assertThat(processed.keySet()).as("nothing acknowledged is lost").containsAll(acknowledged);

        // WeCom's retries of what was refused
        List<EncryptedCallback> refused = sent.stream().filter(s -> !s.acknowledged()).map(s -> fake.retry(s.callback())).toList();
        assertThat(WeComTraffic.postAll(refused, 2, i -> app)).allSatisfy(s -> assertThat(s.acknowledged()).isTrue());
        ledger.awaitInboxDrained(Duration.ofMinutes(5));

        Set<String> all = sent.stream().map(WeComTraffic.Sent::externalUserId).collect(Collectors.toSet());
        Map<String, Ledger.Effects> effects = ledger.effects();
        assertThat(effects.keySet()).isEqualTo(all);
        assertThat(effects.values()).allSatisfy(e -> assertThat(e.exactlyOnce()).as(e.toString()).isTrue());
        assertThat(ledger.count("select count(*) from customer")).isEqualTo(all.size());
        assertThat(ledger.wecomInbox()).hasSize(all.size()).allSatisfy(r -> assertThat(r.status()).isEqualTo("DONE"));

        Figures.record("dbrestart", Map.ofEntries(
                Map.entry("callbacks", all.size()),
                Map.entry("acknowledgedFirstTime", acknowledged.size()),
                Map.entry("refusedThenRetried", refused.size()),
                Map.entry("postedDuringOutage", duringOutage.size()),
                Map.entry("outageMillis", outageMillis),
                Map.entry("readyDownAfterStopMillis", healthDownMillis),
                Map.entry("refusalMaxMillis", duringOutage.stream().mapToLong(WeComTraffic.Sent::millis).max().orElse(0)),
                Map.entry("refusalMedianMillis", median(duringOutage)),
                Map.entry("firstAckAfterDbUpMillis", firstAckMillis),
                Map.entry("readyUpAfterDbUpMillis", healthUpMillis),
                Map.entry("backlogDrainedMillis", drainMillis)));
    }

    private static long median(List<WeComTraffic.Sent> sent) {
        List<Long> millis = sent.stream().map(WeComTraffic.Sent::millis).sorted().toList();
        return millis.isEmpty() ? 0 : millis.get(millis.size() / 2);
    }
}
