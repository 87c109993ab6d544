package com.qingke.recommendation.rules;

import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.facts.ActionProposal;
import com.qingke.recommendation.facts.FactSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped rules/ folder, one scenario per test, asserting which named rules fired (an agenda listener records
 * them in {@link Evaluation#firedRules()}), including scenarios where none of the risk or action rules fires.
 */
class RuleScenariosTest {
    private static CompiledRules rules;
    private static final RuleEvaluator EVALUATOR = new RuleEvaluator();

    @BeforeAll
    static void compileShippedRules() {
        rules = new RuleCompiler(DraftRenderer.engine()).compile(RuleSources.read(Path.of("rules")));
    }

    private static Evaluation run(Scenario scenario) {
        return EVALUATOR.evaluate(rules, scenario.facts());
    }

    private static List<String> riskAndActionRules(Evaluation e) {
        return e.firedRules().stream().filter(r -> !r.startsWith("意向")).toList();
    }

    private static ActionProposal proposal(Evaluation e, String rule) {
        return e.proposals().stream().filter(p -> p.getRuleName().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void aQuietNewCustomerGetsGradeCAndNothingElseFires() {
        Evaluation e = run(Scenario.customer());

        assertThat(e.firedRules()).containsExactly("意向等级：C 低意向");
        assertThat(e.intentGrade()).isEqualTo("C");
        assertThat(e.intentScore()).isZero();
        assertThat(e.risks()).isEmpty();
        assertThat(e.proposals()).isEmpty();
    }

    @Test
    void recentQuoteViewsFormAndChatsMakeGradeAWithReasons() {
        Evaluation e = run(Scenario.customer()
                .event("VIEWED_QUOTE", 3, 1).event("FORM_SUBMITTED", 1, 2).event("CHAT", 2, 1)
                .with(c -> c.setDaysSinceLastOutreach(0)));

        assertThat(e.firedRules()).startsWith("意向分：浏览报价").contains("意向分：提交表单", "意向分：咨询聊天", "意向等级：A 高意向");
        assertThat(e.intentGrade()).isEqualTo("A");
        assertThat(e.intentScore()).isBetween(60.0, 100.0);
        assertThat(e.intentReasons()).contains("近7天浏览报价3次", "近7天提交表单1次", "近7天咨询聊天2次");
    }

    @Test
    void theSameActivityTwoMonthsAgoHasDecayedToGradeC() {
        Evaluation e = run(Scenario.customer()
                .event("VIEWED_QUOTE", 3, 60).event("FORM_SUBMITTED", 1, 60).event("CHAT", 2, 60)
                .with(c -> c.setDaysSinceLastActivity(60)));

        assertThat(e.intentGrade()).isEqualTo("C");
        assertThat(e.intentScore()).isLessThan(25);
    }

    @Test
    void scoreIsCappedAtOneHundred() {
        Evaluation e = run(Scenario.customer()
                .event("VIEWED_QUOTE", 10, 0).event("DOWNLOADED_MATERIAL", 10, 0).event("FORM_SUBMITTED", 5, 0).event("CHAT", 20, 0)
                .with(c -> c.setDaysSinceLastOutreach(0)));

        assertThat(e.intentScore()).isEqualTo(100.0);
    }

    @Test
    void silentCustomerWithMediumIntentGetsACaseStudyWithAReminder() {
        Evaluation e = run(Scenario.customer()
                .event("VIEWED_QUOTE", 4, 16).event("DOWNLOADED_MATERIAL", 1, 16)
                .with(c -> {
                    c.setDaysSinceLastActivity(16);
                    c.setDaysSinceCreated(40);
                    c.setDaysSinceLastOutreach(10);
                }));

        assertThat(e.intentGrade()).isEqualTo("B");
        assertThat(riskAndActionRules(e)).containsExactly("风险：沉默客户", "沉默中意向客户：推送客户案例");
        assertThat(e.riskNames()).containsExactly("沉默客户");
        ActionProposal p = proposal(e, "沉默中意向客户：推送客户案例");
        assertThat(p.getKind()).isEqualTo(ActionKind.MESSAGE);
        assertThat(p.getMaterialKind()).isEqualTo("CASE_STUDY");
        assertThat(p.getTaskTitle()).isNotBlank();
        assertThat(p.getTaskDueDays()).isEqualTo(3);
        assertThat(p.getReason()).contains("16天");
    }

    @Test
    void silentCustomerWithHighIntentGetsADiscountOffer() {
        Evaluation e = run(Scenario.customer()
                .event("VIEWED_QUOTE", 6, 14.5).event("FORM_SUBMITTED", 2, 14.5).event("CHAT", 8, 14.5)
                .with(c -> {
                    c.setDaysSinceLastActivity(14);
                    c.setDaysSinceLastOutreach(7);
                }));

        assertThat(e.intentGrade()).isEqualTo("A");
        assertThat(riskAndActionRules(e)).contains("风险：沉默客户", "沉默高意向客户：推送优惠方案")
                .doesNotContain("沉默中意向客户：推送客户案例");
        assertThat(proposal(e, "沉默高意向客户：推送优惠方案").getMaterialKind()).isEqualTo("DISCOUNT");
    }

    @Test
    void silentCustomerWithLowIntentIsTaggedButGetsNoMessage() {
        Evaluation e = run(Scenario.customer().with(c -> {
            c.setDaysSinceLastActivity(30);
            c.setDaysSinceCreated(30);
            c.setDaysSinceLastOutreach(20);
        }));

        assertThat(riskAndActionRules(e)).containsExactly("风险：沉默客户");
        assertThat(e.proposals()).isEmpty();
    }

    @Test
    void highWinRateWithTheDecisionMakerReachedGetsAQuoteTaskWithTheQuote() {
        Evaluation e = run(Scenario.customer().with(c -> c.setDaysSinceLastOutreach(0)).opportunity(o -> {
            o.setStage("NEGOTIATION");
            o.setStageLabel("商务谈判");
            o.setStageOrder(3);
            o.setWinRate(0.65);
            o.setDecisionMakerReached(true);
        }));

        assertThat(riskAndActionRules(e)).containsExactly("高赢率且已触达决策人：发送正式报价");
        ActionProposal p = proposal(e, "高赢率且已触达决策人：发送正式报价");
        assertThat(p.getKind()).isEqualTo(ActionKind.TASK);
        assertThat(p.getMaterialKind()).isEqualTo("QUOTE");
        assertThat(p.getOpportunityId()).isEqualTo(100L);
        assertThat(p.getPriority()).isEqualTo(90);
        assertThat(p.getReason()).contains("65%");
    }

    @Test
    void highWinRateWithoutTheDecisionMakerGetsNoQuoteTask() {
        Evaluation e = run(Scenario.customer().with(c -> c.setDaysSinceLastOutreach(0)).opportunity(o -> {
            o.setStage("NEGOTIATION");
            o.setStageOrder(3);
            o.setWinRate(0.65);
            o.setDecisionMakerReached(false);
            o.setContactsReached(3);
        }));

        assertThat(riskAndActionRules(e)).isEmpty();
    }

    @Test
    void overduePaymentRaisesAnAlertWithALongTermPlanDraftAndTask() {
        Evaluation e = run(Scenario.customer().with(c -> c.setDaysSinceLastOutreach(0)).opportunity(o -> {
            o.setStage("WON");
            o.setStageOrder(4);
            o.setOpen(false);
            o.setWon(true);
            o.setWinRate(1);
            o.setPaymentStatus("OVERDUE");
            o.setPaymentOverdue(true);
            o.setDaysPaymentOverdue(12);
        }));

        assertThat(riskAndActionRules(e)).containsExactly("风险：回款逾期", "回款异常：提醒销售并建议长期合作方案");
        ActionProposal p = proposal(e, "回款异常：提醒销售并建议长期合作方案");
        assertThat(p.getKind()).isEqualTo(ActionKind.ALERT);
        assertThat(p.getPriority()).isEqualTo(95);
        assertThat(p.getTemplate()).isEqualTo("payment-plan");
        assertThat(p.getTaskTitle()).contains("长期合作方案");
        assertThat(p.getTitle()).contains("12天");
    }

    @Test
    void anOpportunityStuckTwiceAsLongAsUsualGetsAMeetingTask() {
        Evaluation e = run(Scenario.customer().with(c -> c.setDaysSinceLastOutreach(0)).opportunity(o -> {
            o.setStage("PROPOSAL");
            o.setStageLabel("方案报价");
            o.setStageOrder(2);
            o.setWinRate(0.45);
            o.setDaysInStage(30);
            o.setUsualDaysInStage(14);
        }));

        assertThat(riskAndActionRules(e)).containsExactly("风险：阶段停滞", "阶段停滞：约推进会议");
        assertThat(e.risks().get(0).getDetail()).contains("方案报价", "30天", "14天");
        assertThat(e.risks().get(0).getOpportunityId()).isEqualTo(100L);
    }

    @Test
    void anOpportunityWithinItsUsualTimeIsNotStuck() {
        Evaluation e = run(Scenario.customer().with(c -> c.setDaysSinceLastOutreach(0)).opportunity(o -> {
            o.setDaysInStage(20);
            o.setUsualDaysInStage(14);
        }));

        assertThat(riskAndActionRules(e)).isEmpty();
    }

    @Test
    void aSingleThreadedDealWithoutTheDecisionMakerAsksForAnIntroduction() {
        Evaluation e = run(Scenario.customer().with(c -> c.setDaysSinceLastOutreach(0)).opportunity(o -> {
            o.setContactsReached(1);
            o.setDecisionMakerReached(false);
        }));

        assertThat(riskAndActionRules(e)).containsExactly("风险：单线联系", "单线联系：请联系人引荐决策人");
        assertThat(proposal(e, "单线联系：请联系人引荐决策人").getKind()).isEqualTo(ActionKind.MESSAGE);
    }

    @Test
    void aCustomerWhoDeletedTheRepRaisesAnAlert() {
        Evaluation e = run(Scenario.customer().with(c -> {
            c.setDeletedRep(true);
            c.setDaysSinceDeletedRep(1);
            c.setWecomConnected(false);
            c.setDaysSinceLastOutreach(3);
        }));

        assertThat(riskAndActionRules(e)).containsExactly("风险：客户删除了销售", "客户删除了销售：尽快重建联系");
        assertThat(proposal(e, "客户删除了销售：尽快重建联系").getKind()).isEqualTo(ActionKind.ALERT);
    }

    @Test
    void aFreshFormLeadNobodyContactedGetsAFirstContactTaskToday() {
        Evaluation e = run(Scenario.customer().event("FORM_SUBMITTED", 1, 0.2));

        assertThat(riskAndActionRules(e)).containsExactly("新表单线索：当天首次联系");
        ActionProposal p = proposal(e, "新表单线索：当天首次联系");
        assertThat(p.getKind()).isEqualTo(ActionKind.TASK);
        assertThat(p.getTaskDueDays()).isZero();
    }

    @Test
    void aHighIntentLeadWithoutOpportunityGetsACallTask() {
        Evaluation e = run(Scenario.customer()
                .event("VIEWED_QUOTE", 3, 4).event("FORM_SUBMITTED", 1, 5).event("CHAT", 3, 4).event("DOWNLOADED_MATERIAL", 1, 4)
                .with(c -> {
                    c.setLifecycleStage("LEAD");
                    c.setDaysSinceLastActivity(4);
                    c.setDaysSinceLastOutreach(3);
                }));

        assertThat(e.intentGrade()).isEqualTo("A");
        assertThat(riskAndActionRules(e)).containsExactly("高意向未建商机：电话确认需求");
    }

    @Test
    void repeatedQuoteViewsGetAFollowUpMessage() {
        Evaluation e = run(Scenario.customer().event("VIEWED_QUOTE", 2, 1).with(c -> c.setDaysSinceLastOutreach(2)));

        assertThat(riskAndActionRules(e)).containsExactly("反复浏览报价：主动答疑");
        assertThat(proposal(e, "反复浏览报价：主动答疑").getTemplate()).isEqualTo("quote-follow-up");
    }

    @Test
    void aDownloadWithoutFollowUpGetsTheBrochure() {
        Evaluation e = run(Scenario.customer().event("DOWNLOADED_MATERIAL", 1, 1).with(c -> c.setDaysSinceLastOutreach(5)));

        assertThat(riskAndActionRules(e)).containsExactly("下载资料后跟进：推荐产品手册");
        assertThat(proposal(e, "下载资料后跟进：推荐产品手册").getMaterialKind()).isEqualTo("BROCHURE");
    }

    @Test
    void aDownloadAlreadyFollowedUpNeedsNothing() {
        Evaluation e = run(Scenario.customer().event("DOWNLOADED_MATERIAL", 1, 2).with(c -> c.setDaysSinceLastOutreach(1)));

        assertThat(riskAndActionRules(e)).isEmpty();
    }

    @Test
    void overdueTasksRaiseAReminder() {
        Evaluation e = run(Scenario.customer().with(c -> c.setDaysSinceLastOutreach(0))
                .task(t -> {
                    t.setOverdue(true);
                    t.setDaysOverdue(2);
                })
                .task(t -> t.setDaysUntilDue(3)));

        assertThat(riskAndActionRules(e)).containsExactly("跟进任务逾期：提醒销售");
        assertThat(proposal(e, "跟进任务逾期：提醒销售").getTitle()).contains("1个");
    }

    @Test
    void aHealthyActiveDealFiresNoRiskOrAction() {
        Evaluation e = run(Scenario.customer().event("CHAT", 1, 1).with(c -> c.setDaysSinceLastOutreach(0)).opportunity(o -> {
            o.setStage("PROPOSAL");
            o.setStageOrder(2);
            o.setWinRate(0.45);
            o.setDecisionMakerReached(true);
            o.setDaysInStage(5);
        }).task(t -> t.setDaysUntilDue(2)));

        assertThat(riskAndActionRules(e)).isEmpty();
        assertThat(e.proposals()).isEmpty();
    }

    @Test
    void actionsAreOrderedByPriorityAndCarryTheirRuleName() {
        Evaluation e = run(Scenario.customer().event("VIEWED_QUOTE", 2, 1).with(c -> c.setDaysSinceLastOutreach(2)).opportunity(o -> {
            o.setStage("WON");
            o.setOpen(false);
            o.setPaymentOverdue(true);
            o.setDaysPaymentOverdue(5);
        }));

        assertThat(e.proposals()).extracting(ActionProposal::getRuleName)
                .containsExactly("回款异常：提醒销售并建议长期合作方案", "反复浏览报价：主动答疑");
    }

    @Test
    void messageDraftsRenderInChineseWithTheMaterialAndALinkPlaceholder() {
        Scenario scenario = Scenario.customer()
                .event("VIEWED_QUOTE", 4, 16).event("DOWNLOADED_MATERIAL", 1, 16)
                .with(c -> {
                    c.setDaysSinceLastActivity(16);
                    c.setDaysSinceLastOutreach(10);
                });
        FactSet facts = scenario.facts();
        Evaluation e = EVALUATOR.evaluate(rules, facts);
        ActionProposal p = proposal(e, "沉默中意向客户：推送客户案例");

        String withMaterial = DraftRenderer.render(rules, p, facts, e,
                new DraftMaterial(7L, "CASE_STUDY", "客户案例", "制造业客户案例", null));
        String without = DraftRenderer.render(rules, p, facts, e, null);

        assertThat(withMaterial).startsWith("李明您好").contains("杭州云帆科技", "《制造业客户案例》", DraftRenderer.LINK_PLACEHOLDER);
        assertThat(without).startsWith("李明您好").doesNotContain(DraftRenderer.LINK_PLACEHOLDER).doesNotContain("《");
    }

    @Test
    void everyShippedTemplateRendersForACustomerWithoutCompanyOrOpportunity() {
        FactSet facts = Scenario.customer().with(c -> c.setCompany(null)).facts();
        Evaluation e = EVALUATOR.evaluate(rules, facts);
        for (String template : rules.templates().keySet()) {
            ActionProposal p = new ActionProposal("test", ActionKind.MESSAGE).template(template);
            assertThat(DraftRenderer.render(rules, p, facts, e, null)).as(template).startsWith("李明您好").doesNotContain("null");
        }
    }
}
