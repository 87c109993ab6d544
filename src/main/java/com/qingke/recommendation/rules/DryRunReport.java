package com.qingke.recommendation.rules;

import java.util.List;

/**
 * What a candidate rule set would do to the current data, next to what the serving rule base does, per rule.
 *
 * @param customersEvaluated how many active customers were evaluated (the most recently created first)
 * @param truncated          true when the corp has more active customers than the dry-run limit
 */
public record DryRunReport(String candidateVersion, String liveVersion, int customersEvaluated, boolean truncated,
                           List<RuleOutcome> rules, List<CustomerError> errors) {

    /**
     * One rule's effect.
     *
     * @param customers      customers for whom the rule fired with the candidate
     * @param actions        actions it would propose with the candidate
     * @param samples        some of those customers, with the proposed action's title if any
     * @param liveCustomers  the same for the serving rule base (0 when the rule is new)
     * @param liveActions    the same for the serving rule base
     */
    public record RuleOutcome(String rule, String stage, String file, boolean inCandidate, boolean inLive, int customers,
                              int actions, List<Sample> samples, int liveCustomers, int liveActions) {
    }

    public record Sample(long customerId, String customerName, String actionTitle) {
    }

    /** A customer the candidate could not be evaluated for (e.g. a rule that loops or throws). */
    public record CustomerError(long customerId, String message) {
    }
}
