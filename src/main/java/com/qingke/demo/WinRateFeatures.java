package com.qingke.demo;

import com.qingke.opportunity.Stage;

/**
 * The ground-truth features and latent draw of one opportunity (see {@link WinRateGroundTruth}). For a closed
 * deal they are as of {@code closed_at}; for an open deal as of the data set's "now", and {@code winProbability}
 * is what its chance would be if it were decided now.
 *
 * @param decisionMakerReached a DECISION_MAKER contact was reached by T
 * @param quoteViews           VIEWED_QUOTE events between the deal's creation and T
 * @param silenceSeconds       seconds between the customer's last event and T
 * @param lastOpenStage        the stage at T (for closed deals the stage it was closed from)
 * @param noise                the unobserved term ε of the logit
 * @param winProbability       σ(logit + ε): the probability of the Bernoulli draw that decided the outcome
 */
public record WinRateFeatures(boolean decisionMakerReached, int quoteViews, long silenceSeconds, Stage lastOpenStage,
                              double noise, double winProbability) {

    public double silenceDays() {
        return silenceSeconds / 86_400.0;
    }

    /** The noise-free logit of the documented formula. */
    public double logit() {
        return WinRateGroundTruth.logit(decisionMakerReached, quoteViews, silenceDays(), lastOpenStage);
    }

    /** The probability a perfect model that sees only the features would give. */
    public double expectedProbability() {
        return WinRateGroundTruth.expectedProbability(decisionMakerReached, quoteViews, silenceDays(), lastOpenStage);
    }
}
