package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.opportunity.Opportunity;
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
        // one analysis per customer at a time, so two workers cannot both propose the same rule's action. Native SQL:
        // Hibernate's MySQL dialect locks with "for update of alias", which MariaDB rejects.
        em.createNativeQuery("select id from customer where id = ?1 for update").setParameter(1, customerId).getResultList();
        Customer customer = Customer.findById(customerId);
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

        customer.intentGrade = evaluation.intentGrade();
        customer.intentScore = evaluation.intentScore();
        customer.intentReasons = new ArrayList<>(evaluation.intentReasons());
        customer.riskTags = new ArrayList<>(evaluation.riskNames());
        customer.analysedAt = now;
        customer.ruleVersion = rules.version();
        customer.modelSnapshotId = input.winRates().values().stream().map(WinRateEstimate::modelSnapshotId)
                .filter(id -> id != null).findFirst().orElse(null);

        List<AnalysisResult.OpportunityWinRate> winRates = new ArrayList<>();
        for (Map.Entry<Long, WinRateEstimate> e : input.winRates().entrySet()) {
            Opportunity o = Opportunity.findById(e.getKey());
            WinRateEstimate estimate = e.getValue();
            o.winRate = estimate.probability();
            o.winRateFactors = new ArrayList<>(estimate.factors());
            o.modelSnapshotId = estimate.modelSnapshotId();
            o.intentScore = evaluation.intentScore();
            winRates.add(new AnalysisResult.OpportunityWinRate(o.id, estimate.probability(), estimate.factors(), estimate.modelSnapshotId()));
        }
        Reconciliation reconciliation = actions.reconcile(customer, evaluation, input.facts(), rules, now);
        List<AnalysisResult.Risk> risks = evaluation.risks().stream()
                .map(r -> new AnalysisResult.Risk(r.getName(), r.getDetail(), r.getOpportunityId())).toList();
        return new AnalysisResult(customerId, true, evaluation.intentGrade(), evaluation.intentScore(), evaluation.intentReasons(),
                risks, winRates, rules.version(), evaluation.firedRules(), reconciliation.proposed(), reconciliation.superseded(), now);
    }
}
