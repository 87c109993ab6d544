package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.material.Material;
import com.qingke.material.MaterialKind;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.platform.AuditEntry;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.recommendation.rules.DraftRenderer;
import com.qingke.recommendation.rules.RuleBase;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class CustomerAnalysisServiceTest {
    private static final String FIRST_CONTACT = "新表单线索：当天首次联系";
    private static final String QUOTE_QUESTIONS = "反复浏览报价：主动答疑";

    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject CustomerAnalysisService analysis;
    @Inject RuleBase ruleBase;

    private Customer engagedFormLead() {
        Customer c = fixtures.customerOf(fixtures.rep("张伟"), "赵敏");
        data.events(c, EventType.FORM_SUBMITTED, 1, Duration.ofHours(1));
        data.events(c, EventType.VIEWED_QUOTE, 3, Duration.ofDays(1));
        data.events(c, EventType.CHAT, 2, Duration.ofHours(20));
        return c;
    }

    private List<RecommendedAction> actionsOf(Customer c) {
        return QuarkusTransaction.requiringNew().call(() -> RecommendedAction.<RecommendedAction>list("customerId = ?1 order by id", c.id));
    }

    @Test
    void storesIntentRisksAndRuleVersionOnTheCustomerAndProposesActions() {
        Customer c = engagedFormLead();
        long version = data.reload(Customer.class, c.id).version;

        AnalysisResult result = analysis.analyse(c.id);

        assertThat(result.analysed()).isTrue();
        assertThat(result.intentGrade()).isEqualTo("A");
        assertThat(result.firedRules()).contains("意向分：浏览报价", "意向等级：A 高意向", FIRST_CONTACT, QUOTE_QUESTIONS);
        Customer stored = data.reload(Customer.class, c.id);
        assertThat(stored.intentGrade).isEqualTo("A");
        assertThat(stored.intentScore).isBetween(60.0, 100.0);
        assertThat(stored.intentReasons).contains("近7天浏览报价3次", "近7天提交表单1次");
        assertThat(stored.riskTags).isEmpty();
        assertThat(stored.ruleVersion).isEqualTo(ruleBase.current().version());
        assertThat(stored.analysedAt).isNotNull();
        assertThat(stored.version).as("a rep's concurrent edit must not conflict with an analysis").isEqualTo(version);

        List<RecommendedAction> actions = actionsOf(c);
        assertThat(actions).extracting(a -> a.ruleName).containsExactlyInAnyOrder(FIRST_CONTACT, QUOTE_QUESTIONS);
        assertThat(actions).allSatisfy(a -> {
            assertThat(a.status).isEqualTo(ActionStatus.PROPOSED);
            assertThat(a.openKey).isEqualTo(c.id + ":" + a.ruleName);
            assertThat(a.ruleVersion).isEqualTo(stored.ruleVersion);
            assertThat(a.ownerId).isEqualTo(c.ownerId);
        });
        RecommendedAction message = actions.stream().filter(a -> a.ruleName.equals(QUOTE_QUESTIONS)).findFirst().orElseThrow();
        assertThat(message.kind).isEqualTo(ActionKind.MESSAGE);
        assertThat(message.draftText).startsWith("赵敏您好");
        RecommendedAction task = actions.stream().filter(a -> a.ruleName.equals(FIRST_CONTACT)).findFirst().orElseThrow();
        assertThat(task.kind).isEqualTo(ActionKind.TASK);
        assertThat(task.taskTitle).contains("赵敏");
    }

    @Test
    void analysingAgainIsIdempotentAndNeverOpensASecondActionForTheSameRule() {
        Customer c = engagedFormLead();
        analysis.analyse(c.id);
        Customer first = data.reload(Customer.class, c.id);

        AnalysisResult again = analysis.analyse(c.id);

        assertThat(again.proposedActionIds()).isEmpty();
        assertThat(again.supersededActionIds()).isEmpty();
        assertThat(actionsOf(c)).hasSize(2);
        Customer second = data.reload(Customer.class, c.id);
        assertThat(second.intentGrade).isEqualTo(first.intentGrade);
        assertThat(second.riskTags).isEqualTo(first.riskTags);
    }

    @Test
    void proposalsWhoseRuleNoLongerFiresAreSuperseded() {
        Customer c = engagedFormLead();
        analysis.analyse(c.id);
        // the rep called: the customer is no longer an uncontacted lead, and the quote questions were just answered
        data.events(c, EventType.CALL, 1, Duration.ZERO);

        AnalysisResult after = analysis.analyse(c.id);

        assertThat(after.firedRules()).doesNotContain(FIRST_CONTACT, QUOTE_QUESTIONS);
        assertThat(after.supersededActionIds()).hasSize(2);
        assertThat(actionsOf(c)).allSatisfy(a -> {
            assertThat(a.status).isEqualTo(ActionStatus.SUPERSEDED);
            assertThat(a.openKey).isNull();
        });
        assertThat(data.count(AuditEntry.class, "entityType = 'recommended_action' and action = 'ACTION_SUPERSEDED' and entityId in ?1",
                after.supersededActionIds())).isEqualTo(2);
    }

    @Test
    void aRuleTheRepJustDismissedDoesNotProposeAgain() {
        Customer c = engagedFormLead();
        analysis.analyse(c.id);
        QuarkusTransaction.requiringNew().run(() -> RecommendedAction.update(
                "status = ?1, openKey = null, dismissReason = '已电话沟通', decidedAt = ?2 where customerId = ?3",
                ActionStatus.DISMISSED, Instant.now(), c.id));

        AnalysisResult again = analysis.analyse(c.id);

        assertThat(again.firedRules()).contains(FIRST_CONTACT);
        assertThat(again.proposedActionIds()).isEmpty();
        assertThat(actionsOf(c)).hasSize(2).allSatisfy(a -> assertThat(a.status).isEqualTo(ActionStatus.DISMISSED));
    }

    @Test
    void highWinRateDealWithTheDecisionMakerGetsAQuoteTaskWithAQuoteAndTheWinRateIsStored() {
        Customer c = fixtures.customerOf(fixtures.rep("王芳"), "孙浩");
        data.events(c, EventType.CALL, 1, Duration.ofHours(2));
        Opportunity o = data.opportunity(c, Stage.NEGOTIATION, x -> { });
        data.decisionMaker(o, true);
        Material quote = data.material(c.corpId, MaterialKind.QUOTE, "测试报价单-" + c.id);

        AnalysisResult result = analysis.analyse(c.id);

        assertThat(result.winRates()).singleElement().satisfies(w -> {
            assertThat(w.winRate()).isEqualTo(0.65);
            assertThat(w.modelSnapshotId()).isNull();
        });
        Opportunity stored = data.reload(Opportunity.class, o.id);
        assertThat(stored.winRate).isEqualTo(0.65);
        assertThat(stored.winRateFactors).singleElement().asString().contains("商务谈判", "65%");
        assertThat(stored.intentScore).isEqualTo(result.intentScore());
        RecommendedAction quoteTask = actionsOf(c).stream()
                .filter(a -> a.ruleName.equals("高赢率且已触达决策人：发送正式报价")).findFirst().orElseThrow();
        assertThat(quoteTask.kind).isEqualTo(ActionKind.TASK);
        assertThat(quoteTask.opportunityId).isEqualTo(o.id);
        assertThat(quoteTask.materialId).isEqualTo(quote.id);
        assertThat(quoteTask.draftText).contains("孙浩", quote.title, DraftRenderer.LINK_PLACEHOLDER);
    }

    @Test
    void aSilentCustomerWithMediumIntentIsTaggedAndGetsACaseStudy() {
        Customer c = fixtures.customerOf(fixtures.rep("李娜"), "钱坤");
        data.createdAgo(c, Duration.ofDays(40));
        data.events(c, EventType.VIEWED_QUOTE, 4, Duration.ofDays(16));
        data.events(c, EventType.DOWNLOADED_MATERIAL, 1, Duration.ofDays(16));
        data.events(c, EventType.MESSAGE_SENT, 1, Duration.ofDays(10));
        Material caseStudy = data.material(c.corpId, MaterialKind.CASE_STUDY, "测试案例-" + c.id);

        AnalysisResult result = analysis.analyse(c.id);

        assertThat(result.intentGrade()).isEqualTo("B");
        assertThat(result.risks()).extracting(AnalysisResult.Risk::name).containsExactly("沉默客户");
        assertThat(data.reload(Customer.class, c.id).riskTags).containsExactly("沉默客户");
        RecommendedAction message = actionsOf(c).stream()
                .filter(a -> a.ruleName.equals("沉默中意向客户：推送客户案例")).findFirst().orElseThrow();
        assertThat(message.materialId).isEqualTo(caseStudy.id);
        assertThat(message.taskTitle).isNotBlank();
        assertThat(message.taskDueDays).isEqualTo(3);
    }

    @Test
    void aMergedCustomerIsNotAnalysedAndItsProposalsAreSuperseded() {
        Customer c = engagedFormLead();
        analysis.analyse(c.id);
        QuarkusTransaction.requiringNew().run(() -> Customer.update("status = ?1 where id = ?2", CustomerStatus.MERGED, c.id));

        AnalysisResult result = analysis.analyse(c.id);

        assertThat(result.analysed()).isFalse();
        assertThat(result.supersededActionIds()).hasSize(2);
        assertThat(actionsOf(c)).allSatisfy(a -> assertThat(a.status).isEqualTo(ActionStatus.SUPERSEDED));
    }

    @Test
    void anUnknownCustomerIsSkipped() {
        assertThat(analysis.analyse(Long.MAX_VALUE).analysed()).isFalse();
    }

    @Test
    void aBatchStoresWhatOneByOneAnalysisStoresWithOneActionPerRuleAndSkipsTheMergedAndTheUnknown() {
        Customer engaged = engagedFormLead();
        Customer silent = fixtures.customerOf(fixtures.rep("李娜"), "韩雪");
        data.createdAgo(silent, Duration.ofDays(40));
        data.events(silent, EventType.VIEWED_QUOTE, 4, Duration.ofDays(16));
        data.events(silent, EventType.DOWNLOADED_MATERIAL, 1, Duration.ofDays(16));
        data.events(silent, EventType.MESSAGE_SENT, 1, Duration.ofDays(10));
        data.material(silent.corpId, MaterialKind.CASE_STUDY, "批量案例-" + silent.id);
        Customer dealOwner = fixtures.customerOf(fixtures.rep("王芳"), "秦岚");
        data.events(dealOwner, EventType.CALL, 1, Duration.ofHours(2));
        Opportunity deal = data.opportunity(dealOwner, Stage.NEGOTIATION, x -> { });
        data.decisionMaker(deal, true);
        Customer merged = engagedFormLead();
        analysis.analyse(merged.id);
        QuarkusTransaction.requiringNew().run(() -> Customer.update("status = ?1 where id = ?2", CustomerStatus.MERGED, merged.id));

        List<AnalysisResult> batch = analysis.analyseAll(List.of(silent.id, Long.MAX_VALUE, engaged.id, merged.id, dealOwner.id, engaged.id));

        assertThat(batch).extracting(AnalysisResult::customerId).as("one result per distinct id, ascending")
                .containsExactly(engaged.id, silent.id, dealOwner.id, merged.id, Long.MAX_VALUE);
        assertThat(batch).extracting(AnalysisResult::analysed).containsExactly(true, true, true, false, false);
        assertThat(batch.get(3).supersededActionIds()).hasSize(2);
        assertThat(actionsOf(merged)).allSatisfy(a -> assertThat(a.status).isEqualTo(ActionStatus.SUPERSEDED));
        assertThat(actionsOf(silent)).extracting(a -> a.ruleName).contains("沉默中意向客户：推送客户案例");
        assertThat(actionsOf(dealOwner)).extracting(a -> a.ruleName).contains("高赢率且已触达决策人：发送正式报价");
        assertThat(data.reload(Opportunity.class, deal.id).winRate).isEqualTo(0.65);

        // analysing the same customers one by one afterwards stores the same results and proposes nothing new
        for (Customer c : List.of(engaged, silent, dealOwner)) {
            Customer afterBatch = data.reload(Customer.class, c.id);
            AnalysisResult single = analysis.analyse(c.id);
            Customer afterSingle = data.reload(Customer.class, c.id);
            assertThat(single.proposedActionIds()).isEmpty();
            assertThat(single.supersededActionIds()).isEmpty();
            assertThat(afterSingle.intentGrade).isEqualTo(afterBatch.intentGrade).isNotNull();
            assertThat(afterSingle.intentScore).isEqualTo(afterBatch.intentScore);
            assertThat(afterSingle.intentReasons).isEqualTo(afterBatch.intentReasons);
            assertThat(afterSingle.riskTags).isEqualTo(afterBatch.riskTags);
            assertThat(afterSingle.ruleVersion).isEqualTo(afterBatch.ruleVersion).isEqualTo(ruleBase.current().version());
        }
        assertThat(actionsOf(engaged)).hasSize(2);
    }
}
