package com.qingke.recommendation.rules;

import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule set that breaks is refused with file, line and message; nothing half-compiled gets through. */
class RuleCompilerTest {
    private final RuleCompiler compiler = new RuleCompiler(DraftRenderer.engine());
    private final RuleSources shipped = RuleSources.read(Path.of("rules"));

    private RuleSources withFile(String name, String text) {
        Map<String, String> drl = new HashMap<>(shipped.drlFiles());
        drl.put(name, text);
        return new RuleSources(drl, shipped.templates());
    }

    private List<RuleProblem> problems(RuleSources sources) {
        try {
            compiler.compile(sources);
        } catch (RuleCompilationException e) {
            return e.problems();
        }
        throw new AssertionError("the rule set was accepted");
    }

    @Test
    void theShippedRulesCompileIntoFourStages() {
        CompiledRules rules = compiler.compile(shipped);

        assertThat(rules.version()).hasSize(12);
        assertThat(rules.rules()).extracting(RuleInfo::stage).containsOnly("intent-score", "intent-grade", "risk", "action");
        assertThat(rules.ruleNames()).contains("高赢率且已触达决策人：发送正式报价", "沉默中意向客户：推送客户案例",
                "回款异常：提醒销售并建议长期合作方案", "风险：沉默客户", "意向等级：A 高意向");
        assertThat(rules.files()).containsExactly("actions.drl", "intent.drl", "risk.drl");
    }

    @Test
    void theVersionChangesWithAnyFileAndOnlyThen() {
        String before = shipped.version();
        assertThat(RuleSources.read(Path.of("rules")).version()).isEqualTo(before);
        assertThat(withFile("extra.drl", "package qingke;\n").version()).isNotEqualTo(before);
    }

    @Test
    void aSyntaxErrorIsRefusedWithFileAndLine() {
        List<RuleProblem> problems = problems(withFile("broken.drl", """
                package qingke;
                import com.qingke.recommendation.facts.*;

                rule "坏规则"
                    ruleflow-group "risk"
                when
                    $c : CustomerFact( daysSinceLastActivity >>= 3 )
                then
                    insert(new RiskTag("x", "y"));
                end
                """));

        assertThat(problems).isNotEmpty();
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.drl"));
        assertThat(problems).anySatisfy(p -> assertThat(p.line()).isEqualTo(7));
    }

    @Test
    void aTypeErrorInAConsequenceIsRefused() {
        List<RuleProblem> problems = problems(withFile("typo.drl", """
                package qingke;
                import com.qingke.recommendation.facts.*;

                rule "拼错字段"
                    ruleflow-group "risk"
                when
                    $c : CustomerFact( daysSinceLastActivity > 3 )
                then
                    insert(new RiskTag("x", $c.getDaysSinceLastActivty()));
                end
                """));

        assertThat(problems).anySatisfy(p -> assertThat(p.file()).isEqualTo("typo.drl"));
    }

    @Test
    void aRuleWithoutAStageIsRefused() {
        List<RuleProblem> problems = problems(withFile("nostage.drl", """
                package qingke;
                import com.qingke.recommendation.facts.*;

                rule "没有阶段"
                when
                    CustomerFact()
                then
                end
                """));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("nostage.drl");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("没有阶段", "ruleflow-group");
        });
    }

    @Test
    void anUnknownTemplateOrMaterialKindIsRefused() {
        List<RuleProblem> problems = problems(withFile("refs.drl", """
                package qingke;
                import com.qingke.recommendation.facts.*;
                global ActionProposals actions;

                rule "引用错误"
                    ruleflow-group "action"
                when
                    CustomerFact()
                then
                    actions.message(kcontext)
                        .template("no-such-template")
                        .material("BROCHUR");
                end
                """));

        assertThat(problems).extracting(RuleProblem::line).containsExactly(11, 12);
        assertThat(problems.get(0).message()).contains("no-such-template");
        assertThat(problems.get(1).message()).contains("BROCHUR", "BROCHURE");
    }

    @Test
    void aDuplicateRuleNameAcrossFilesIsRefused() {
        List<RuleProblem> problems = problems(withFile("copy.drl", """
                package other;
                import com.qingke.recommendation.facts.*;

                rule "风险：沉默客户"
                    ruleflow-group "risk"
                when
                    CustomerFact()
                then
                end
                """));

        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("重复"));
    }

    @Test
    void aBrokenTemplateIsRefusedWithItsLine() {
        Map<String, String> templates = new HashMap<>(shipped.templates());
        templates.put("quote-follow-up", "第一行\n{#if customer.name}没有结束");
        List<RuleProblem> problems = problems(new RuleSources(shipped.drlFiles(), templates));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("templates/quote-follow-up.txt");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void theExamplesOfTheAdminGuideCompileAndRun() throws Exception {
        String guide = java.nio.file.Files.readString(Path.of("rules/README.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```\\n(rule \"[^`]*?)```").matcher(guide);
        StringBuilder examples = new StringBuilder("package qingke;\nimport com.qingke.recommendation.facts.*;\nglobal ActionProposals actions;\n");
        int count = 0;
        while (block.find()) {
            String rule = block.group(1);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("rule \"([^\"]+)\"").matcher(rule);
            name.find();
            // examples that show an edit of a shipped rule are compiled under a name of their own
            examples.append(rule.replace("rule \"" + name.group(1) + "\"", "rule \"示例" + count + "：" + name.group(1) + "\"")).append('\n');
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(4);

        CompiledRules rules = compiler.compile(withFile("examples.drl", examples.toString()));
        Evaluation e = new RuleEvaluator().evaluate(rules, Scenario.customer()
                .with(c -> c.setDaysSinceLastOutreach(9))
                .opportunity(o -> o.setAmount(800_000)).facts());

        assertThat(e.firedRules()).anySatisfy(r -> assertThat(r).endsWith("风险：大额商机失联"))
                .anySatisfy(r -> assertThat(r).endsWith("大额商机失联：安排上门拜访"));
    }

    @Test
    void aCustomerTagCanBeTestedInACondition() {
        CompiledRules rules = compiler.compile(withFile("tags.drl", """
                package qingke;
                import com.qingke.recommendation.facts.*;
                rule "汽车零部件客户"
                    ruleflow-group "risk"
                when
                    CustomerFact( hasTag("汽车零部件") )
                then
                    insert(new RiskTag("行业", "汽车零部件"));
                end
                """));

        assertThat(new RuleEvaluator().evaluate(rules, Scenario.customer().with(c -> c.setTags(List.of("汽车零部件"))).facts()).riskNames())
                .containsExactly("行业");
        assertThat(new RuleEvaluator().evaluate(rules, Scenario.customer().facts()).riskNames()).isEmpty();
    }

    @Test
    void aMissingFolderIsRefused() {
        assertThatThrownBy(() -> RuleSources.read(Path.of("no-such-rules-folder")))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("规则目录不存在");
    }

    @Test
    void aRuleThatKeepsReactivatingItselfIsStoppedWithAClearError() {
        CompiledRules rules = compiler.compile(withFile("loop.drl", """
                package qingke;
                import com.qingke.recommendation.facts.*;

                rule "死循环"
                    ruleflow-group "risk"
                when
                    $c : CustomerFact()
                then
                    update($c);
                end
                """));

        assertThatThrownBy(() -> new RuleEvaluator().evaluate(rules, Scenario.customer().facts()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("risk");
    }
}
