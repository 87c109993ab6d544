package com.qingke.scoring.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prior win rate: a probability per pipeline stage with a base-rate fallback for unknown or missing stages.
 * <p>
 * It is either configured (an SME's own stage probabilities, e.g. "方案报价" → 0.4) or estimated from closed deals
 * with the Beta-smoothed stage rate of BASELINES.md §1:
 * {@code P(won | stage = s) = (won deals that reached s + α) / (closed deals that reached s + 2α)}.
 * A deal "reached" every stage up to and including its own when a stage order is given; without an order only its
 * own stage counts. Stages no closed deal reached are left out, so they fall back to the base rate
 * {@code (won + α) / (closed + 2α)} instead of an uninformative 0.5.
 *
 * @param stageProbabilities probability per stage
 * @param baseRate           fallback probability for examples without a known stage
 * @param stageOrder         pipeline order used to decide which stages a deal reached (may be empty)
 * @param alpha              Beta smoothing used when estimating (0 for a configured prior)
 */
public record StagePrior(Map<String, Double> stageProbabilities, double baseRate, List<String> stageOrder, double alpha) {

    public StagePrior {
        stageProbabilities = Collections.unmodifiableMap(new LinkedHashMap<>(stageProbabilities == null ? Map.of() : stageProbabilities));
        stageOrder = stageOrder == null ? List.of() : List.copyOf(stageOrder);
        if (!(baseRate >= 0 && baseRate <= 1)) {
            throw new IllegalArgumentException("base rate must be a probability: " + baseRate);
        }
        stageProbabilities.forEach((stage, p) -> {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("stage " + stage + " has no probability: " + p);
            }
        });
    }

    /** A prior without stages: every example gets the base rate. */
    public static StagePrior ofBaseRate(double baseRate) {
        return new StagePrior(Map.of(), baseRate, List.of(), 0);
    }

    /** An SME's own stage probabilities, e.g. from the pipeline settings screen. */
    public static StagePrior configured(Map<String, Double> stageProbabilities, double baseRate) {
        return new StagePrior(stageProbabilities, baseRate, List.of(), 0);
    }

    /** Estimates the stage rates from closed examples with Beta smoothing {@code alpha} (BASELINES.md §1). */
    public static StagePrior estimate(List<Example> closed, List<String> stageOrder, double alpha) {
        if (alpha < 0) {
            throw new IllegalArgumentException("alpha must be >= 0");
        }
        List<String> order = stageOrder == null ? List.of() : stageOrder;
        long won = closed.stream().filter(Example::won).count();
        double baseRate = closed.isEmpty() && alpha == 0 ? 0.5 : (won + alpha) / (closed.size() + 2 * alpha);

        List<String> stages = new ArrayList<>(order);
        closed.stream().map(Example::stage).filter(s -> s != null && !stages.contains(s)).distinct().forEach(stages::add);

        Map<String, Double> rates = new LinkedHashMap<>();
        for (String stage : stages) {
            int reached = 0;
            int reachedAndWon = 0;
            for (Example example : closed) {
                if (reached(example.stage(), stage, order)) {
                    reached++;
                    if (example.won()) {
                        reachedAndWon++;
                    }
                }
            }
            if (reached > 0) {
                rates.put(stage, (reachedAndWon + alpha) / (reached + 2 * alpha));
            }
        }
        return new StagePrior(rates, baseRate, order, alpha);
    }

    /** Whether a deal whose furthest stage is {@code dealStage} passed through {@code stage}. */
    static boolean reached(String dealStage, String stage, List<String> order) {
        if (dealStage == null) {
            return false;
        }
        if (dealStage.equals(stage)) {
            return true;
        }
        int dealIndex = order.indexOf(dealStage);
        int stageIndex = order.indexOf(stage);
        return dealIndex >= 0 && stageIndex >= 0 && stageIndex <= dealIndex;
    }

    public double probability(String stage) {
        if (stage == null) {
            return baseRate;
        }
        return stageProbabilities.getOrDefault(stage, baseRate);
    }

    public double probability(Example example) {
        return probability(example.stage());
    }
}
