package com.qingke.scoring.model;

import java.util.List;
import java.util.Map;

/**
 * Everything {@link WinRateTrainer} can be told. Build with {@link #builder()}; {@link #defaults()} suits an SME
 * with tens to thousands of closed deals.
 *
 * @param minClosedExamples  below this many closed (won + lost) examples the model is the prior (cold start)
 * @param minPerClass        below this many won or lost examples the model is the prior (nothing to contrast)
 * @param priorStrength      k in the blend weight n / (n + k): how many closed deals the prior is "worth"
 * @param stageAlpha         Beta smoothing α of the estimated stage prior (BASELINES.md §1)
 * @param stageOrder         pipeline order, so a deal counts for every stage it reached
 * @param configuredPrior    an SME's own stage probabilities; null to estimate them from the closed deals
 * @param stageAsFeature     also give the learned part the stage as a one-hot feature
 * @param cvFolds            folds of the internal cross-validation (calibration, L2 choice when the grid has several values, signal check)
 * @param cvMaxRepeats       small samples repeat the cross-validation with new folds, up to ⌈200 / n⌉ times, capped here
 * @param l2Grid             L2 penalties tried by the internal cross-validation (penalty λ/2·‖w‖² on the summed log-loss)
 * @param independenceBelow  below this many closed examples the learned part is the independence model (per-column
 *                           shrunk log-odds), from it on the joint ridge fit; 0 (the default) = always ridge, since
 *                           on the development split it did not beat the ridge fit at 20 deals (docs/MODEL.md)
 * @param independencePseudoCounts pseudo-counts of the independence learner, one cross-validated candidate each (the
 *                           best out-of-fold log-loss is served)
 * @param independenceMinCategoryCount the independence learner's own rare-value threshold (its pseudo-count already
 *                           shrinks rare values, so it can keep values apart that the ridge fit has to bucket)
 * @param minCategoryCount   categorical values seen fewer times are bucketed into "(other)"
 * @param numericBins        training-quantile bins per numeric feature, one-hot next to the linear term (0 or 1: none)
 * @param logTransformNonNegative apply log1p to numeric features whose training values are all ≥ 0 (counts, durations, amounts)
 * @param signalZ            the learned blend must beat the prior's Brier score by this many standard errors
 * @param minAucGain         ... and the prior's AUC by at least this much, or the model falls back to the prior
 * @param topFactors         how many factors a prediction lists
 * @param seed               seed of the cross-validation fold assignment, so training is reproducible
 * @param featureLabels      display labels per feature name (e.g. Chinese), used in factors
 */
public record TrainerConfig(
        int minClosedExamples,
        int minPerClass,
        double priorStrength,
        double stageAlpha,
        List<String> stageOrder,
        StagePrior configuredPrior,
        boolean stageAsFeature,
        int cvFolds,
        int cvMaxRepeats,
        List<Double> l2Grid,
        int independenceBelow,
        List<Double> independencePseudoCounts,
        int independenceMinCategoryCount,
        int minCategoryCount,
        int numericBins,
        boolean logTransformNonNegative,
        double signalZ,
        double minAucGain,
        int topFactors,
        long seed,
        Map<String, String> featureLabels) {

    public TrainerConfig {
        stageOrder = stageOrder == null ? List.of() : List.copyOf(stageOrder);
        l2Grid = l2Grid == null || l2Grid.isEmpty() ? List.of(1.0) : List.copyOf(l2Grid);
        independencePseudoCounts = independencePseudoCounts == null ? List.of() : List.copyOf(independencePseudoCounts);
        if (independenceBelow > 0 && independencePseudoCounts.isEmpty()) {
            throw new IllegalArgumentException("the independence learner needs at least one pseudo-count (or independenceBelow = 0)");
        }
        featureLabels = featureLabels == null ? Map.of() : Map.copyOf(featureLabels);
        if (cvFolds < 2) {
            throw new IllegalArgumentException("cvFolds must be at least 2");
        }
        if (minPerClass < 2) {
            throw new IllegalArgumentException("minPerClass must be at least 2 so every cross-validation fold sees both classes");
        }
        if (priorStrength < 0) {
            throw new IllegalArgumentException("priorStrength must be >= 0");
        }
    }

    public static TrainerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.minClosedExamples = minClosedExamples;
        b.minPerClass = minPerClass;
        b.priorStrength = priorStrength;
        b.stageAlpha = stageAlpha;
        b.stageOrder = stageOrder;
        b.configuredPrior = configuredPrior;
        b.stageAsFeature = stageAsFeature;
        b.cvFolds = cvFolds;
        b.cvMaxRepeats = cvMaxRepeats;
        b.l2Grid = l2Grid;
        b.independenceBelow = independenceBelow;
        b.independencePseudoCounts = independencePseudoCounts;
        b.independenceMinCategoryCount = independenceMinCategoryCount;
        b.minCategoryCount = minCategoryCount;
        b.numericBins = numericBins;
        b.logTransformNonNegative = logTransformNonNegative;
        b.signalZ = signalZ;
        b.minAucGain = minAucGain;
        b.topFactors = topFactors;
        b.seed = seed;
        b.featureLabels = featureLabels;
        return b;
    }

    public static final class Builder {
        private int minClosedExamples = 15;
        private int minPerClass = 3;
        private double priorStrength = 20;
        private double stageAlpha = 1.0;
        private List<String> stageOrder = List.of();
        private StagePrior configuredPrior;
        private boolean stageAsFeature = true;
        private int cvFolds = 10;
        private int cvMaxRepeats = 10;
        private List<Double> l2Grid = List.of(1.0);
        private int independenceBelow = 0;
        private List<Double> independencePseudoCounts = List.of(0.5);
        private int independenceMinCategoryCount = 1;
        private int minCategoryCount = 5;
        private int numericBins = 4;
        private boolean logTransformNonNegative = true;
        private double signalZ = 1.645;
        private double minAucGain = 0.02;
        private int topFactors = 5;
        private long seed = 20240601L;
        private Map<String, String> featureLabels = Map.of();

        private Builder() {
        }

        public Builder minClosedExamples(int v) { minClosedExamples = v; return this; }
        public Builder minPerClass(int v) { minPerClass = v; return this; }
        public Builder priorStrength(double v) { priorStrength = v; return this; }
        public Builder stageAlpha(double v) { stageAlpha = v; return this; }
        public Builder stageOrder(List<String> v) { stageOrder = v; return this; }
        public Builder configuredPrior(StagePrior v) { configuredPrior = v; return this; }
        public Builder stageAsFeature(boolean v) { stageAsFeature = v; return this; }
        public Builder cvFolds(int v) { cvFolds = v; return this; }
        public Builder cvMaxRepeats(int v) { cvMaxRepeats = v; return this; }
        public Builder l2Grid(List<Double> v) { l2Grid = v; return this; }
        public Builder independenceBelow(int v) { independenceBelow = v; return this; }
        public Builder independencePseudoCounts(List<Double> v) { independencePseudoCounts = v; return this; }
        public Builder independenceMinCategoryCount(int v) { independenceMinCategoryCount = v; return this; }
        public Builder minCategoryCount(int v) { minCategoryCount = v; return this; }
        public Builder numericBins(int v) { numericBins = v; return this; }
        public Builder logTransformNonNegative(boolean v) { logTransformNonNegative = v; return this; }
        public Builder signalZ(double v) { signalZ = v; return this; }
        public Builder minAucGain(double v) { minAucGain = v; return this; }
        public Builder topFactors(int v) { topFactors = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder featureLabels(Map<String, String> v) { featureLabels = v; return this; }

        public TrainerConfig build() {
            return new TrainerConfig(minClosedExamples, minPerClass, priorStrength, stageAlpha, stageOrder, configuredPrior,
                    stageAsFeature, cvFolds, cvMaxRepeats, l2Grid, independenceBelow, independencePseudoCounts, independenceMinCategoryCount, minCategoryCount, numericBins, logTransformNonNegative, signalZ, minAucGain,
                    topFactors, seed, featureLabels);
        }
    }
}
