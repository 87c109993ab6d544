package com.qingke.demo;

import com.qingke.opportunity.Stage;

/**
 * The latent model that decides the outcome of every closed demo deal, so that a learned win-rate model can be
 * checked against a known truth (docs/DEMO-DATA.md explains it with examples).
 *
 * <p>For an opportunity evaluated at time {@code T} (its {@code closed_at} when closed, "now" when open):
 * <pre>
 *   logit = INTERCEPT
 *         + DECISION_MAKER      · dm
 *         + LOG_QUOTE_VIEWS     · ln(1 + quoteViews)
 *         + SILENCE_PER_30_DAYS · silenceDays / 30
 *         + stageEffect(lastOpenStage)
 *         + ε,                 ε ~ Normal(0, NOISE_SD²)
 *   P(won) = 1 / (1 + e^(−logit));  the outcome is one Bernoulli draw with that probability.
 * </pre>
 * where every feature can be recomputed from the stored rows:
 * <ul>
 *   <li>{@code dm}: 1 when a {@code decision_contact} of the opportunity with role DECISION_MAKER has
 *       {@code reached = true} (then {@code decision_chain_status = DECISION_MAKER_REACHED}), else 0;</li>
 *   <li>{@code quoteViews}: the customer's VIEWED_QUOTE events with {@code created_at ≤ occurred_at ≤ T};</li>
 *   <li>{@code silenceDays}: (T − the customer's latest event of any type at or before T) in days;
 *       for an open deal this is now − {@code customer.last_activity_at};</li>
 *   <li>{@code lastOpenStage}: the stage the deal was in at T (for a closed deal the {@code from_stage} of its
 *       closing row in {@code opportunity_stage_history}; deals move through the stages in order, never skip).</li>
 * </ul>
 * The noise ε stands for everything a CRM cannot see (budget, a rival's price); it makes the best achievable AUC
 * less than 1 and shrinks the coefficients a logistic regression recovers by about 1/√(1 + π·σ²/8) ≈ 0.95.
 * Nothing else (amount, product line, rep, channel, contact count) enters the outcome.
 */
public final class WinRateGroundTruth {

    public static final double INTERCEPT = -1.3;
    public static final double DECISION_MAKER = 1.4;
    public static final double LOG_QUOTE_VIEWS = 0.8;
    public static final double SILENCE_PER_30_DAYS = -1.5;
    public static final double STAGE_INITIAL = -1.6;
    public static final double STAGE_QUALIFIED = -0.8;
    public static final double STAGE_PROPOSAL = 0.0;
    public static final double STAGE_NEGOTIATION = 0.8;
    public static final double NOISE_SD = 0.5;

    private WinRateGroundTruth() {
    }

    public static double stageEffect(Stage lastOpenStage) {
        return switch (lastOpenStage) {
            case INITIAL -> STAGE_INITIAL;
            case QUALIFIED -> STAGE_QUALIFIED;
            case PROPOSAL -> STAGE_PROPOSAL;
            case NEGOTIATION -> STAGE_NEGOTIATION;
            case WON, LOST -> throw new IllegalArgumentException("the last open stage cannot be " + lastOpenStage);
        };
    }

    /** The logit without the noise term. */
    public static double logit(boolean decisionMakerReached, int quoteViews, double silenceDays, Stage lastOpenStage) {
        return INTERCEPT
                + (decisionMakerReached ? DECISION_MAKER : 0.0)
                + LOG_QUOTE_VIEWS * Math.log1p(quoteViews)
                + SILENCE_PER_30_DAYS * silenceDays / 30.0
                + stageEffect(lastOpenStage);
    }

    /**
     * The best probability a model that sees only the features can give: the noise averaged out (probit
     * approximation of the logistic-normal integral).
     */
    public static double expectedProbability(boolean decisionMakerReached, int quoteViews, double silenceDays,
                                             Stage lastOpenStage) {
        double scale = Math.sqrt(1.0 + Math.PI * NOISE_SD * NOISE_SD / 8.0);
        return sigmoid(logit(decisionMakerReached, quoteViews, silenceDays, lastOpenStage) / scale);
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
