package com.qingke.recommendation.rules;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.scoring.AnalysisResult;
import com.qingke.scoring.CustomerAnalysisService;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.timeline.EventType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** Reloading the rules folder at run time: a broken edit is refused with file and line, the last good rules keep serving. */
@QuarkusTest
class RulesAdminTest {
    private static final String EXTRA_RULE = """

            rule "测试：重点客户提醒"
                ruleflow-group "action"
            when
                $c : CustomerFact( name == "重载测试客户" )
            then
                actions.alert(kcontext).priority(50).title("重点客户").reason("测试规则");
            end
            """;

    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject RuleBase ruleBase;
    @Inject CustomerAnalysisService analysis;

    @TempDir Path dir;

    @AfterEach
    void restoreTheShippedRules() {
        ruleBase.load(Path.of("rules").toAbsolutePath());
    }

    private void useCopyOfShippedRules() throws IOException {
        Path source = Path.of("rules");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = dir.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        ruleBase.load(dir);
    }

    private String bearerOfManager() {
        return fixtures.bearer(fixtures.manager("刘洋"));
    }

    @Test
    void theStatusListsTheServingRulesForManagersOnly() {
        given().header("Authorization", bearerOfManager()).get("/api/admin/rules").then().statusCode(200)
                .body("version", is(ruleBase.current().version()))
                .body("rules.name", hasItems("风险：沉默客户", "回款异常：提醒销售并建议长期合作方案"))
                .body("templates", hasItem("silent-case-study"))
                .body("lastProblems", empty());
        given().header("Authorization", fixtures.bearer(fixtures.rep("张伟"))).get("/api/admin/rules").then().statusCode(403);
        given().header("Authorization", fixtures.bearer(fixtures.rep("张伟"))).post("/api/admin/rules/reload").then().statusCode(403);
    }

    @Test
    void aBrokenRuleFileIsRefusedWithFileAndLineWhileTheOldRulesKeepAnswering() throws IOException {
        useCopyOfShippedRules();
        String good = ruleBase.current().version();
        Path actions = dir.resolve("actions.drl");
        List<String> lines = Files.readAllLines(actions);
        int broken = lines.indexOf("    $o : OpportunityFact( open, winRate >= 0.6, decisionMakerReached )") + 1;
        assertThat(broken).isPositive();
        Files.writeString(actions, Files.readString(actions).replace(
                "$o : OpportunityFact( open, winRate >= 0.6, decisionMakerReached )", "$o : OpportunityFact( open, winRate >== 0.6 )"));

        given().header("Authorization", bearerOfManager()).post("/api/admin/rules/reload").then()
                .statusCode(422).contentType("application/problem+json")
                .body("title", is("规则未通过编译"))
                .body("detail", containsString(good))
                .body("problems.file", hasItem("actions.drl"))
                .body("problems.line", hasItem(broken));

        assertThat(ruleBase.current().version()).isEqualTo(good);
        assertThat(ruleBase.lastProblems()).isNotEmpty();
        given().header("Authorization", bearerOfManager()).get("/api/admin/rules").then()
                .body("version", is(good)).body("lastProblems.file", hasItem("actions.drl"));
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), "旧规则客户");
        data.events(c, EventType.FORM_SUBMITTED, 1, Duration.ofHours(1));
        AnalysisResult result = analysis.analyse(c.id);
        assertThat(result.ruleVersion()).isEqualTo(good);
        assertThat(result.firedRules()).contains("新表单线索：当天首次联系");
    }

    @Test
    void aGoodEditIsPickedUpByReloadAndAnsweredFromThen() throws IOException {
        useCopyOfShippedRules();
        String before = ruleBase.current().version();
        Files.writeString(dir.resolve("actions.drl"), Files.readString(dir.resolve("actions.drl")) + EXTRA_RULE);

        String after = given().header("Authorization", bearerOfManager()).post("/api/admin/rules/reload").then()
                .statusCode(200).body("rules.name", hasItem("测试：重点客户提醒")).extract().path("version");

        assertThat(after).isNotEqualTo(before);
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), "重载测试客户");
        AnalysisResult result = analysis.analyse(c.id);
        assertThat(result.ruleVersion()).isEqualTo(after);
        assertThat(result.firedRules()).contains("测试：重点客户提醒");
        assertThat(data.reload(Customer.class, c.id).ruleVersion).isEqualTo(after);
    }

    @Test
    void startingWithABrokenFolderFailsLoudly() throws IOException {
        Files.writeString(dir.resolve("broken.drl"), "package qingke;\nrule \"x\" when then end end\n");
        RulesConfig config = new RulesConfig() {
            public String dir() {
                return dir.toString();
            }

            public boolean watch() {
                return false;
            }

            public String watchEvery() {
                return "5s";
            }

            public int dryRunLimit() {
                return 10;
            }

            public int dryRunSample() {
                return 1;
            }
        };
        RuleBase base = new RuleBase(config);

        try {
            base.start();
            throw new AssertionError("a broken rules folder must stop the start-up");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("broken.drl").hasMessageContaining("refusing to start");
        }
    }

    @Test
    void managersSeeTheRefusalAndReporterIsNotARep() {
        Employee rep = fixtures.rep("王芳");
        given().header("Authorization", fixtures.bearer(rep)).contentType("text/plain").body("package qingke;")
                .post("/api/admin/rules/dry-run").then().statusCode(403);
    }
}
