package com.qingke.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.FakeOfficialAccountApi;
import com.qingke.fakewechat.FakeOfficialAccountCallbacks;
import com.qingke.fakewechat.FakeOfficialAccountState;
import com.qingke.fakewechat.FakeWeComApi;
import com.qingke.fakewechat.StandaloneFakeWeChat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of the packaged app on one database, as behind a load balancer (README "Running several instances
 * behind a load balancer"): callbacks spread over both, some delivered to both, are stored and processed exactly once;
 * the scheduled jobs that must run once per period run once although both instances fire them; and both use one
 * WeCom and one official-account access token, fetched once, so neither invalidates the other's.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TwoInstancesIT {
    private static final String DATABASE = "qingke_it_two";
    private static final int WECOM_CALLBACKS = 200;
    private static final int OA_SUBSCRIBES = 40;
    /** Both instances fire the nightly jobs every two seconds here; the period (the day) still allows one run. */
    private static final Map<String, String> SCHEDULES = Map.of(
            "qingke.scoring.daily-cron", "*/2 * * * * ?",
            "qingke.win-rate.retrain-cron", "*/2 * * * * ?",
            "qingke.scoring.catch-up-delay", "1s",
            "qingke.scoring.catch-up-every", "2s",
            "quarkus.log.category.\"com.qingke.platform.JobRuns\".level", "DEBUG");

    private static StandaloneFakeWeChat fake;
    private static AppInstance a;
    private static AppInstance b;

    @BeforeAll
    static void start() {
        PrivateMariaDb db = PrivateMariaDb.shared();
        db.createDatabase(DATABASE);
        fake = StandaloneFakeWeChat.start();
        Map<String, String> env = AppInstance.environment(db, DATABASE, fake.appEnvironment());
        a = AppInstance.create("two-a", env, SCHEDULES);
        b = AppInstance.create("two-b", env, SCHEDULES);
        // On a brand-new database the first instance creates the schema alone (README): two instances racing to create
        // Liquibase's own lock table can both believe they hold the lock. Once it exists, the lock serialises upgrades.
        a.start();
        a.awaitReady();
        b.start();
        b.awaitReady();
    }

    @AfterAll
    static void stop() {
        for (AppInstance app : new AppInstance[]{a, b}) {
            if (app != null) {
                app.stop();
            }
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void callbacksSpreadOverTwoInstancesAreProcessedOnceJobsRunOnceAndOneTokenServesBoth() throws Exception {
        Ledger ledger = new Ledger(PrivateMariaDb.shared(), DATABASE);
        List<EncryptedCallback> contacts = WeComTraffic.newContactsAddingReps(fake, WECOM_CALLBACKS);
        // each callback to one instance in turn; every fourth also to the other one at the same moment (a WeCom retry
        // that the load balancer sends elsewhere)
        List<EncryptedCallback> deliveries = new ArrayList<>();
        List<AppInstance> targets = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            AppInstance first = i % 2 == 0 ? a : b;
            deliveries.add(contacts.get(i));
            targets.add(first);
            if (i % 4 == 0) {
                deliveries.add(fake.retry(contacts.get(i)));
                targets.add(first == a ? b : a);
            }
        }
        List<FakeOfficialAccountCallbacks.Callback> subscribes = new ArrayList<>();
        FakeOfficialAccountCallbacks oa = fake.officialAccountCallbacks();
        for (int i = 0; i < OA_SUBSCRIBES; i++) {
            FakeOfficialAccountState.Follower follower = oa.newUser();
            subscribes.add(oa.encrypted(oa.subscribe(follower, null)));
        }

        ExecutorService officialAccount = Executors.newSingleThreadExecutor();
        Future<List<Integer>> oaAnswers = officialAccount.submit(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < subscribes.size(); i++) {
                FakeOfficialAccountCallbacks.Callback c = subscribes.get(i);
                statuses.add(WeComTraffic.postOfficialAccount(i % 2 == 0 ? b : a, c.query(), c.body()));
                Thread.sleep(20);
            }
            return statuses;
        });
        List<WeComTraffic.Sent> sent = WeComTraffic.postAll(deliveries, 4, targets::get);
        List<Integer> oaStatuses = oaAnswers.get(5, TimeUnit.MINUTES);
        officialAccount.shutdownNow();

        assertThat(sent).allSatisfy(s -> assertThat(s.acknowledged()).as(s.instance() + " " + s.status() + " " + s.body()).isTrue());
        assertThat(oaStatuses).containsOnly(200);
        ledger.awaitInboxDrained(Duration.ofMinutes(5));

        // exactly once: one inbox row per event, its effects once, and the two instances' processing adds up to the events
        Set<String> all = contacts.stream().map(WeComTraffic::externalUserIdOf).collect(Collectors.toSet());
        Map<String, Ledger.Effects> effects = ledger.effects();
        assertThat(effects.keySet()).isEqualTo(all);
        assertThat(effects.values()).allSatisfy(e -> assertThat(e.exactlyOnce()).as(e.toString()).isTrue());
        assertThat(ledger.wecomInbox()).hasSize(WECOM_CALLBACKS).allSatisfy(r -> assertThat(r.status()).isEqualTo("DONE"));
        assertThat(ledger.count("select count(*) from inbox_message where source = 'OFFICIAL_ACCOUNT' and status = 'DONE'"))
                .isEqualTo(OA_SUBSCRIBES);
        assertThat(ledger.count("select count(*) from customer")).isEqualTo(WECOM_CALLBACKS + OA_SUBSCRIBES);
        double wecomByA = a.counter("qingke_inbox_processed_total", "source=\"WECOM\"", "status=\"DONE\"");
        double wecomByB = b.counter("qingke_inbox_processed_total", "source=\"WECOM\"", "status=\"DONE\"");
        double oaByA = a.counter("qingke_inbox_processed_total", "source=\"OFFICIAL_ACCOUNT\"", "status=\"DONE\"");
        double oaByB = b.counter("qingke_inbox_processed_total", "source=\"OFFICIAL_ACCOUNT\"", "status=\"DONE\"");
        assertThat(wecomByA + wecomByB).as("each WeCom event processed by exactly one instance").isEqualTo(WECOM_CALLBACKS);
        assertThat(oaByA + oaByB).as("each official-account event processed by exactly one instance").isEqualTo(OA_SUBSCRIBES);
        assertThat(wecomByA).as("both instances took work from the inbox").isPositive();
        assertThat(wecomByB).as("both instances took work from the inbox").isPositive();
        double duplicates = a.counter("qingke_inbox_duplicates_total", "source=\"WECOM\"")
                + b.counter("qingke_inbox_duplicates_total", "source=\"WECOM\"");
        assertThat(duplicates).as("the second delivery of an event was recognised").isEqualTo(deliveries.size() - WECOM_CALLBACKS);

        // one access token each for WeCom and the official account, fetched once, never replaced or refused
        assertThat(fake.tokens().issuedCount(FakeWeComApi.ACCESS_TOKEN)).as("WeCom gettoken calls").isEqualTo(1);
        assertThat(fake.tokens().supersededCount(FakeWeComApi.ACCESS_TOKEN)).isZero();
        assertThat(fake.tokens().rejectedCount(FakeWeComApi.ACCESS_TOKEN)).as("WeCom calls refused for their token").isZero();
        assertThat(fake.tokens().issuedCount(FakeOfficialAccountApi.ACCESS_TOKEN)).as("official-account token calls").isEqualTo(1);
        assertThat(fake.tokens().supersededCount(FakeOfficialAccountApi.ACCESS_TOKEN)).isZero();
        assertThat(fake.tokens().rejectedCount(FakeOfficialAccountApi.ACCESS_TOKEN)).isZero();

        // the nightly jobs: both instances tried (every two seconds), one ran each
        for (String job : List.of("daily-analysis", "win-rate-training")) {
            Await.until(() -> a.logLines(job).size() >= 2 && b.logLines(job).size() >= 2, Duration.ofMinutes(2),
                    "both instances fired " + job + " repeatedly");
        }
        // one period (day) as a rule; two if the test runs across midnight in the jobs' zone
        List<String> dailyPeriods = ledger.strings("select period_key from job_run where job_name = 'daily-analysis'");
        List<String> trainingPeriods = ledger.strings("select period_key from job_run where job_name = 'win-rate-training'");
        List<String> dailyRuns = Stream.concat(a.logLines("Daily analysis ").stream(), b.logLines("Daily analysis ").stream()).toList();
        List<String> trainings = Stream.concat(a.logLines("Win-rate model snapshot").stream(),
                b.logLines("Win-rate model snapshot").stream()).toList();
        assertThat(dailyPeriods).hasSizeBetween(1, 2);
        assertThat(trainingPeriods).hasSizeBetween(1, 2);
        assertThat(dailyRuns).as("daily analysis ran once per day").hasSize(dailyPeriods.size());
        assertThat(trainings).as("retraining ran once per day").hasSize(trainingPeriods.size());
        assertThat(ledger.count("select count(*) from model_snapshot where kind = 'WIN_RATE'")).isEqualTo(trainingPeriods.size());

        Figures.record("two-instances", Map.of(
                "wecomEvents", WECOM_CALLBACKS,
                "wecomDeliveries", deliveries.size(),
                "officialAccountEvents", OA_SUBSCRIBES,
                "wecomProcessedByA", (long) wecomByA,
                "wecomProcessedByB", (long) wecomByB,
                "oaProcessedByA", (long) oaByA,
                "oaProcessedByB", (long) oaByB,
                "gettokenCalls", fake.tokens().issuedCount(FakeWeComApi.ACCESS_TOKEN),
                "jobAttemptsLogged", a.logLines("already claimed").size() + b.logLines("already claimed").size()));
    }
}
