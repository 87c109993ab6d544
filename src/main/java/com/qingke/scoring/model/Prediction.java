package com.qingke.scoring.model;

import java.util.List;

/**
 * A win probability that explains itself.
 *
 * @param probability      final probability: modelWeight · learned + (1 − modelWeight) · prior
 * @param priorProbability the stage / base-rate prior for this example
 * @param modelWeight      blend weight of the learned part (0 when the prediction is the prior)
 * @param basis            whether the learned part was used, and if not, why
 * @param topFactors       strongest factors by absolute contribution, pushing up (positive) or down (negative)
 */
public record Prediction(double probability, double priorProbability, double modelWeight, ModelStatus basis, List<Factor> topFactors) {

    public Prediction {
        topFactors = List.copyOf(topFactors);
    }
}
