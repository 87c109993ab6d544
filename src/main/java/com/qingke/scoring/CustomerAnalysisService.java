package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.opportunity.Opportunity;
import com.qingke.platform.RowLocks;
import com.qingke.recommendation.ActionReconciler;
import com.qingke.recommendation.Reconciliation;
import com.qingke.recommendation.rules.CompiledRules;
import com.qingke.recommendation.rules.Evaluation;
import com.qingke.recommendation.rules.RuleBase;
import com.qingke.recommendation.rules.RuleEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WF-03/WF-04: builds a customer's facts, runs the serving rule base, stores intent grade/score/reasons, risk tags and
 * win rates with the rule-base version and model snapshot that produced them, and reconciles the recommended actions.
 * Idempotent: analysing twice in a row stores the same results and proposes nothing new.
 */
@ApplicationScoped
public class CustomerAnalysisService {
    private final RuleBase ruleBase;
    private final FactBuilder facts;
    private final ActionReconciler actions;
    private final EntityManager em;
    private final RuleEvaluator evaluator = new RuleEvaluator();

    CustomerAnalysisService(RuleBase ruleBase, FactBuilder facts, ActionReconciler actions, EntityManager em) {
        this.ruleBase = ruleBase;
        this.facts = facts;
        this.actions = actions;
        this.em = em;
    }

    @Transactional
    public AnalysisResult analyse(long customerId) {
        // one analysis per customer at a time, so two workers cannot both propose the same rule's action
        Customer customer = RowLocks.one(em, Customer.class, "customer", customerId);
        if (customer == null) {
            return AnalysisResult.skipped(customerId, List.of());
        }
        if (!customer.isActive()) {
            return AnalysisResult.skipped(customerId, actions.supersedeAll(customerId, "客户已合并或删除"));
        }
        CompiledRules rules = ruleBase.current();
        Instant now = Instant.now();
        CustomerFacts input = facts.build(customer, now);
        Evaluation evaluation = evaluator.evaluate(rules, input.facts());

        // bulk updates: analysis results are not a user's edit, so they must not bump the optimistic-lock version
        // that a rep's concurrent edit of the same customer or opportunity is checked against
        Long modelSnapshotId = input.winRates().values().stream().map(WinRateEstimate::modelSnapshotId)
                .filter(id -> id != null).findFirst().orElse(null);
        Customer.update("intentGrade = ?1, intentScore = ?2, intentReasons = ?3, riskTags = ?4, analysedAt = ?5, "
                        + "ruleVersion = ?6, modelSnapshotId = ?7 where id = ?8",
                evaluation.intentGrade(), evaluation.intentScore(), new ArrayList<>(evaluation.intentReasons()),
                new ArrayList<>(evaluation.riskNames()), now, rules.version(), modelSnapshotId, customerId);

        List<AnalysisResult.OpportunityWinRate> winRates = new ArrayList<>();
        for (Map.Entry<Long, WinRateEstimate> e : input.winRates().entrySet()) {
            WinRateEstimate estimate = e.getValue();
            Opportunity.update("winRate = ?1, winRateFactors = ?2, modelSnapshotId = ?3, intentScore = ?4 where id = ?5",
                    estimate.probability(), new ArrayList<>(estimate.factors()), estimate.modelSnapshotId(),
                    evaluation.intentScore(), e.getKey());
            winRates.add(new AnalysisResult.OpportunityWinRate(e.getKey(), estimate.probability(), estimate.factors(),
                    estimate.modelSnapshotId()));
        }
        Reconciliation reconciliation = actions.reconcile(customer, evaluation, input.facts(), rules, now);
        List<AnalysisResult.Risk> risks = evaluation.risks().stream()
                .map(r -> new AnalysisResult.Risk(r.getName(), r.getDetail(), r.getOpportunityId())).toList();
        return new AnalysisResult(customerId, true, evaluation.intentGrade(), evaluation.intentScore(), evaluation.intentReasons(),
                risks, winRates, rules.version(), evaluation.firedRules(), reconciliation.proposed(), reconciliation.superseded(), now);
    }
}
