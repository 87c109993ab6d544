package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.OutboxEvent;
import com.qingke.recommendation.rules.RuleBase;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AnalysisWorkerTest {
    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject AnalysisRequests requests;
    @Inject AnalysisWorker worker;
    @Inject DailyAnalysis daily;
    @Inject RuleBase ruleBase;

    private List<OutboxEvent> requestsFor(Customer c) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic = ?1 and aggregateId = ?2 order by id", AnalysisRequests.TOPIC, c.id));
    }

    @Test
    void aRequestMadeInsideTheChangingTransactionIsCoalescedAndWorkedOff() {
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), "冯刚");
        data.events(c, EventType.VIEWED_QUOTE, 2, Duration.ofHours(3));
        QuarkusTransaction.requiringNew().run(() -> {
            requests.request(c.corpId, c.id, "VIEWED_QUOTE");
            requests.request(c.corpId, c.id, "VIEWED_QUOTE");
        });
        assertThat(requestsFor(c)).hasSize(1);

        worker.drain(1000);

        assertThat(requestsFor(c)).singleElement().satisfies(e -> {
            assertThat(e.status).isEqualTo(InboxStatus.DONE);
            assertThat(e.processedAt).isNotNull();
        });
        Customer analysed = data.reload(Customer.class, c.id);
        assertThat(analysed.analysedAt).isNotNull();
        assertThat(analysed.intentReasons).contains("近7天浏览报价2次");
    }

    @Test
    void requestsForTheSameCustomerWaitingTogetherAreAnsweredByOneAnalysis() {
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), "褚云");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                OutboxEvent e = new OutboxEvent();
                e.corpId = c.corpId;
                e.topic = AnalysisRequests.TOPIC;
                e.aggregateId = c.id;
                e.persist();
            }
        });

        worker.drain(1000);

        assertThat(requestsFor(c)).hasSize(3).allSatisfy(e -> assertThat(e.status).isEqualTo(InboxStatus.DONE));
    }

    @Test
    void aFailingAnalysisIsRetriedLaterWithBackoffAndTheErrorKept(@TempDir Path dir) throws IOException {
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), "卫东");
        copyShippedRules(dir);
        Files.writeString(dir.resolve("loop.drl"), """
                package qingke;
                import com.qingke.recommendation.facts.*;
                rule "测试：死循环"
                    ruleflow-group "risk"
                when
                    $c : CustomerFact( name == "卫东" )
                then
                    update($c);
                end
                """);
        try {
            ruleBase.load(dir);
            QuarkusTransaction.requiringNew().run(() -> requests.request(c.corpId, c.id, "TEST"));
            Instant before = Instant.now();

            worker.drain(1000);

            assertThat(requestsFor(c)).singleElement().satisfies(e -> {
                assertThat(e.status).isEqualTo(InboxStatus.PENDING);
                assertThat(e.attempts).isEqualTo(1);
                assertThat(e.lastError).contains("risk");
                assertThat(e.nextAttemptAt).isAfter(before.plusSeconds(4));
            });
        } finally {
            ruleBase.load(Path.of("rules").toAbsolutePath());
        }
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(worker.backoff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(worker.backoff(30)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theDailyRunAnalysesEveryActiveCustomerOncePerPeriod() {
        Customer created = fixtures.customerOf(fixtures.rep("张伟"), "蒋平");
        // a corp of its own: the daily run analyses every customer of the corp, and the shared test database holds
        // thousands in the configured one (the CSV import test alone brings 10k)
        String corp = "ww-test-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Customer.update("corpId = ?1 where id = ?2", corp, created.id);
            CustomerFollower.update("corpId = ?1 where customerId = ?2", corp, created.id);
        });
        Customer c = data.reload(Customer.class, created.id);
        String period = "t-" + UUID.randomUUID().toString().substring(0, 13);

        int analysed = daily.runOnce(corp, period);
        int again = daily.runOnce(corp, period);

        assertThat(analysed).isEqualTo(1);
        assertThat(again).isEqualTo(-1);
        assertThat(data.reload(Customer.class, c.id).analysedAt).as("analysed by the run itself, not queued").isNotNull();
        assertThat(requestsFor(c)).isEmpty();
    }

    static void copyShippedRules(Path target) throws IOException {
        Path source = Path.of("rules");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }
}
