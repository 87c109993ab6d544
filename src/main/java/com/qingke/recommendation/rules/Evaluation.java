package com.qingke.recommendation.rules;

import com.qingke.recommendation.facts.ActionProposal;
import com.qingke.recommendation.facts.RiskTag;
import java.util.List;

/** What the rule base concluded about one customer, and which rules fired (in firing order, once each). */
public record Evaluation(long customerId, double intentScore, String intentGrade, List<String> intentReasons,
                         List<RiskTag> risks, List<ActionProposal> proposals, List<String> firedRules, String ruleVersion) {

    public List<String> riskNames() {
        return risks.stream().map(RiskTag::getName).toList();
    }
}
