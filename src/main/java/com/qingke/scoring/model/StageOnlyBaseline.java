package com.qingke.scoring.model;

import java.util.List;

/**
 * Baseline 1 of BASELINES.md: the Beta-smoothed per-stage win rate, or the overall base rate when the data has no
 * stages. It is what most SME CRMs show; used by the evaluation only.
 */
public final class StageOnlyBaseline implements ProbabilityScorer {

    private final StagePrior prior;

    private StageOnlyBaseline(StagePrior prior) {
        this.prior = prior;
    }

    public static StageOnlyBaseline train(List<Example> closed, List<String> stageOrder, double alpha) {
        return new StageOnlyBaseline(StagePrior.estimate(closed, stageOrder, alpha));
    }

    public StagePrior prior() {
        return prior;
    }

    @Override
    public double probability(Example example) {
        return prior.probability(example);
    }
}
