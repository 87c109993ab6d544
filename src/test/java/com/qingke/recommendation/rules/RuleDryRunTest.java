package com.qingke.recommendation.rules;

import com.qingke.customer.Customer;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.inbox.InboxWorker;
import com.qingke.inbox.OutboxWorker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** A dry run reports what a candidate rule set would do, per rule, and changes nothing in the database. */
@QuarkusTest
class RuleDryRunTest {
    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject AgroalDataSource dataSource;
    @Inject Scheduler scheduler;
    @Inject InboxWorker inbox;
    @Inject OutboxWorker outbox;

    /**
     * The dry run must store nothing, and the row counts say so only while no background worker writes: earlier
     * tests leave callbacks and new-lead messages that the scheduled workers would process meanwhile.
     */
    @BeforeEach
    void quiet() {
        scheduler.pause();
        inbox.drain();
        outbox.drain();
    }

    @AfterEach
    void resume() {
        scheduler.resume();
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet tables = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    counts.put(tables.getString("TABLE_NAME"), null);
                }
            }
            for (String table : counts.keySet()) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private String vipRule(String name) {
        return """
                package qingke;
                import com.qingke.recommendation.facts.*;
                global ActionProposals actions;

                rule "试运行：重点客户回访"
                    ruleflow-group "action"
                when
                    $c : CustomerFact( name == "%s" )
                then
                    actions.task(kcontext).priority(66).title("重点客户回访").reason("试运行").task("回访", 1);
                end
                """.formatted(name);
    }

    @Test
    void aCandidateIsReportedPerRuleNextToTheLiveRulesAndNothingIsStored() throws Exception {
        String name = Fixtures.unique("试运行客户");
        Customer silent = fixtures.customerOf(fixtures.rep("张伟"), name);
        data.createdAgo(silent, Duration.ofDays(30));
        String risk = Files.readString(Path.of("rules/risk.drl"))
                .replace("daysSinceLastActivity >= 14, lifecycleStage", "daysSinceLastActivity >= 60, lifecycleStage");
        String manager = fixtures.bearer(fixtures.manager("刘洋"));
        Map<String, Long> before = rowCounts();

        JsonPath report = given().header("Authorization", manager).contentType("application/json")
                .body(Map.of("files", Map.of("risk.drl", risk, "vip.drl", vipRule(name))))
                .post("/api/admin/rules/dry-run")
                .then().statusCode(200)
                .body("customersEvaluated", greaterThan(0))
                .body("errors", empty())
                .extract().jsonPath();

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(data.reload(Customer.class, silent.id).analysedAt).isNull();
        assertThat(data.count(RecommendedAction.class, "customerId = ?1", silent.id)).isZero();

        Map<String, Object> vip = report.getMap("rules.find { it.rule == '试运行：重点客户回访' }");
        assertThat(vip).containsEntry("inCandidate", true).containsEntry("inLive", false)
                .containsEntry("customers", 1).containsEntry("actions", 1).containsEntry("file", "vip.drl");
        assertThat(report.getList("rules.find { it.rule == '试运行：重点客户回访' }.samples.customerId", Long.class))
                .containsExactly(silent.id);
        assertThat(report.getString("rules.find { it.rule == '试运行：重点客户回访' }.samples[0].actionTitle")).isEqualTo("重点客户回访");

        Map<String, Object> silence = report.getMap("rules.find { it.rule == '风险：沉默客户' }");
        assertThat((Integer) silence.get("liveCustomers")).isGreaterThan((Integer) silence.get("customers"));
        assertThat(report.getString("candidateVersion")).isNotEqualTo(report.getString("liveVersion"));
    }

    @Test
    void aSingleFileCanBeUploadedAsPlainText() throws Exception {
        String name = Fixtures.unique("文本试运行");
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), name);
        String manager = fixtures.bearer(fixtures.manager("刘洋"));
        Map<String, Long> before = rowCounts();

        given().header("Authorization", manager).contentType("text/plain; charset=UTF-8")
                .body(vipRule(name))
                .post("/api/admin/rules/dry-run?file=vip.drl")
                .then().statusCode(200)
                .body("rules.find { it.rule == '试运行：重点客户回访' }.customers", is(1))
                .body("rules.find { it.rule == '试运行：重点客户回访' }.samples[0].customerId", is(c.id.intValue()))
                .body("rules.find { it.rule == '风险：沉默客户' }.inCandidate", is(true));

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aBrokenCandidateIsRefusedWithItsProblemsAndNothingChanges() throws Exception {
        String manager = fixtures.bearer(fixtures.manager("刘洋"));
        Map<String, Long> before = rowCounts();

        given().header("Authorization", manager).contentType("text/plain; charset=UTF-8")
                .body("package qingke;\nimport com.qingke.recommendation.facts.*;\nrule \"坏\"\n ruleflow-group \"risk\"\nwhen\n CustomerFact( x == )\nthen\nend\n")
                .post("/api/admin/rules/dry-run?file=bad.drl")
                .then().statusCode(422).contentType("application/problem+json")
                .body("problems.file", everyItem(is("bad.drl")))
                .body("problems.line", hasItem(6));

        assertThat(rowCounts()).isEqualTo(before);
    }
}
