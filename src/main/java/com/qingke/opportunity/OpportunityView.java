package com.qingke.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An opportunity as the sidebar shows it (spec OP-01/OP-02): stage, amount, created time, win rate with its factors,
 * and the decision chain with the gaps still to close.
 *
 * @param gaps key roles not yet reached or not yet known, in Chinese ("决策人未触达", "采购未识别")
 */
public record OpportunityView(Long id, Long customerId, String name, Stage stage, String stageLabel, boolean closed,
                              BigDecimal amount, Instant createdAt, Instant stageChangedAt, Double winRate,
                              List<String> winRateFactors, DecisionChainStatus decisionChainStatus,
                              List<DecisionContactView> contacts, List<String> gaps, String lostReason, Instant closedAt) {

    /** A one-line summary, for the list of a customer's other opportunities. */
    public record Summary(Long id, String name, Stage stage, String stageLabel, BigDecimal amount, Double winRate) {

        public static Summary of(Opportunity o) {
            return new Summary(o.id, o.name, o.stage, o.stage.label(), o.amount, o.winRate);
        }
    }

    /** A stage the rep can pick, in funnel order. */
    public record StageOption(Stage code, String label, boolean closed) {
    }
}
