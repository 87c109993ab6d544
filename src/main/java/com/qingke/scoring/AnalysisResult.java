package com.qingke.scoring;

import java.time.Instant;
import java.util.List;

/**
 * What one analysis of a customer concluded and stored.
 *
 * @param analysed   false when the customer no longer exists or is not active (then its proposals were superseded)
 * @param firedRules every rule that fired, in firing order
 */
public record AnalysisResult(long customerId, boolean analysed, String intentGrade, Double intentScore,
                             List<String> intentReasons, List<Risk> risks, List<OpportunityWinRate> winRates,
                             String ruleVersion, List<String> firedRules, List<Long> proposedActionIds,
                             List<Long> supersededActionIds, Instant analysedAt) {

    public record Risk(String name, String detail, Long opportunityId) {
    }

    public record OpportunityWinRate(long opportunityId, double winRate, List<String> factors, Long modelSnapshotId) {
    }

    static AnalysisResult skipped(long customerId, List<Long> superseded) {
        return new AnalysisResult(customerId, false, null, null, List.of(), List.of(), List.of(), null, List.of(), List.of(),
                superseded, null);
    }
}
