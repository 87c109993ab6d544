package com.qingke.scoring.model;

/** A bare probability of winning, without explanation: the common shape of the evaluated models and baselines. */
@FunctionalInterface
public interface ProbabilityScorer {

    double probability(Example example);
}
