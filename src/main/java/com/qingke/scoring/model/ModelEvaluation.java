package com.qingke.scoring.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares Qingke's model with the two baselines of BASELINES.md on one data set: a fixed stratified train/test
 * split, training samples of several sizes (several seeds for the small ones), metrics on the held-out test set.
 * {@link #evaluate} takes examples from any source, so the app's demo data can be evaluated the same way.
 */
public final class ModelEvaluation {

    public static final String OURS = "Qingke model";
    public static final String PRIOR = "Stage / base-rate prior";
    public static final String ODOO = "Odoo naive Bayes";
    public static final List<String> MODELS = List.of(OURS, PRIOR, ODOO);

    /** What a data set must show; decides the verdict printed in the report. */
    public enum Expectation {
        /** Strong signal: ours must beat both baselines in AUC and Brier at every size. */
        BEAT_BOTH_BASELINES,
        /** No signal: ours must be no worse than the prior in Brier and report signalFound=false at every size. */
        NO_SIGNAL_FALL_BACK_TO_PRIOR,
        /** Report figures only. */
        REPORT_ONLY
    }

    /**
     * @param sizes        training sizes; {@link #ALL} means the whole training part
     * @param seedsPerSize samples averaged per size (sizes not listed get one)
     * @param splitKey     hash key of the fixed train/test split
     * @param testFraction held-out share of each outcome
     */
    public record Settings(List<Integer> sizes, Map<Integer, Integer> seedsPerSize, String splitKey, double testFraction) {

        public static final int ALL = Integer.MAX_VALUE;

        public static Settings standard() {
            return new Settings(List.of(20, 50, 100, 200, 500, ALL),
                    Map.of(20, 10, 50, 10, 100, 10, 200, 5, 500, 3), "qingke-eval-v1", 0.25);
        }

        int seeds(int size) {
            return seedsPerSize.getOrDefault(size, 1);
        }
    }

    /** Mean and standard deviation over the seeds of one model at one size. */
    public record Figures(double auc, double aucSd, double brier, double brierSd, double ece) {
    }

    public record SizeResult(int size, int seeds, Map<String, Figures> figures, int signalFound, double meanModelWeight) {
    }

    public record DatasetResult(String name, Expectation expectation, int trainPool, int test, double testWonRate,
                                List<SizeResult> sizes, Map<String, List<CalibrationBin>> calibrationAtAll,
                                ModelCard cardAtAll, List<String> verdicts, boolean passed) {
    }

    private final TrainerConfig baseConfig;
    private final Settings settings;

    public ModelEvaluation(TrainerConfig baseConfig, Settings settings) {
        this.baseConfig = baseConfig;
        this.settings = settings;
    }

    /** Figures only, for data without stages (e.g. a first look at demo data). */
    public DatasetResult evaluate(String name, List<Example> examples) {
        return evaluate(name, examples, List.of(), Expectation.REPORT_ONLY);
    }

    public DatasetResult evaluate(String name, List<Example> examples, List<String> stageOrder, Expectation expectation) {
        return evaluate(name, examples, stageOrder, expectation, baseConfig.toBuilder().stageOrder(stageOrder).build());
    }

    /** With the trainer settings of the model under test (e.g. the app's, for data from the app's own tables). */
    public DatasetResult evaluate(String name, List<Example> examples, List<String> stageOrder, Expectation expectation,
                                  TrainerConfig modelConfig) {
        EvaluationSplit.Split split = EvaluationSplit.split(examples, settings.splitKey(), settings.testFraction());
        List<Example> test = split.test();
        boolean[] labels = new boolean[test.size()];
        int testWon = 0;
        for (int i = 0; i < test.size(); i++) {
            labels[i] = test.get(i).won();
            testWon += labels[i] ? 1 : 0;
        }

        List<SizeResult> sizeResults = new ArrayList<>();
        Map<String, List<CalibrationBin>> calibrationAtAll = new LinkedHashMap<>();
        ModelCard cardAtAll = null;
        for (int requested : settings.sizes()) {
            int size = Math.min(requested, split.train().size());
            if (requested != Settings.ALL && requested >= split.train().size()) {
                continue; // the "all" row covers it
            }
            int seeds = requested == Settings.ALL ? 1 : settings.seeds(requested);
            Map<String, List<double[]>> metricsPerModel = new LinkedHashMap<>();
            MODELS.forEach(m -> metricsPerModel.put(m, new ArrayList<>()));
            int signalFound = 0;
            double weightSum = 0;
            for (int seed = 0; seed < seeds; seed++) {
                List<Example> train = EvaluationSplit.stratifiedSample(split.train(), size, settings.splitKey() + "/size" + size + "/seed" + seed);
                TrainedModel ours = WinRateTrainer.train(train, modelConfig.toBuilder().seed(modelConfig.seed() + seed).build());
                signalFound += ours.signalFound() ? 1 : 0;
                weightSum += ours.modelWeight();
                Map<String, ProbabilityScorer> scorers = new LinkedHashMap<>();
                scorers.put(OURS, e -> ours.predict(e).probability());
                scorers.put(PRIOR, StageOnlyBaseline.train(train, stageOrder, baseConfig.stageAlpha()));
                scorers.put(ODOO, OdooNaiveBayesBaseline.train(train, stageOrder));
                for (Map.Entry<String, ProbabilityScorer> scorer : scorers.entrySet()) {
                    double[] predicted = predictAll(test, scorer.getValue()::probability);
                    List<CalibrationBin> bins = Metrics.calibrationByDecile(predicted, labels);
                    metricsPerModel.get(scorer.getKey()).add(new double[] {
                            Metrics.auc(predicted, labels), Metrics.brier(predicted, labels), Metrics.expectedCalibrationError(bins)});
                    if (requested == Settings.ALL) {
                        calibrationAtAll.put(scorer.getKey(), bins);
                    }
                }
                if (requested == Settings.ALL) {
                    cardAtAll = ours.card();
                }
            }
            Map<String, Figures> figures = new LinkedHashMap<>();
            metricsPerModel.forEach((model, runs) -> figures.put(model, summarise(runs)));
            sizeResults.add(new SizeResult(size, seeds, figures, signalFound, weightSum / seeds));
        }
        List<String> verdicts = new ArrayList<>();
        boolean passed = judge(expectation, sizeResults, verdicts);
        return new DatasetResult(name, expectation, split.train().size(), test.size(), (double) testWon / test.size(),
                sizeResults, calibrationAtAll, cardAtAll, verdicts, passed);
    }

    private static double[] predictAll(List<Example> test, Function<Example, Double> scorer) {
        double[] predicted = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            predicted[i] = scorer.apply(test.get(i));
        }
        return predicted;
    }

    private static Figures summarise(List<double[]> runs) {
        double[] mean = new double[3];
        for (double[] run : runs) {
            for (int k = 0; k < 3; k++) {
                mean[k] += run[k] / runs.size();
            }
        }
        double aucVar = 0;
        double brierVar = 0;
        for (double[] run : runs) {
            aucVar += (run[0] - mean[0]) * (run[0] - mean[0]);
            brierVar += (run[1] - mean[1]) * (run[1] - mean[1]);
        }
        int dof = Math.max(1, runs.size() - 1);
        return new Figures(mean[0], Math.sqrt(aucVar / dof), mean[1], Math.sqrt(brierVar / dof), mean[2]);
    }

    private static boolean judge(Expectation expectation, List<SizeResult> sizes, List<String> verdicts) {
        boolean passed = true;
        for (SizeResult size : sizes) {
            Figures ours = size.figures().get(OURS);
            Figures prior = size.figures().get(PRIOR);
            Figures odoo = size.figures().get(ODOO);
            String label = "n=" + size.size();
            switch (expectation) {
                case BEAT_BOTH_BASELINES -> {
                    boolean auc = ours.auc() > prior.auc() && ours.auc() > odoo.auc();
                    boolean brier = ours.brier() < prior.brier() && ours.brier() < odoo.brier();
                    passed &= auc && brier;
                    verdicts.add(String.format(java.util.Locale.ROOT,
                            "%s: AUC %.3f vs prior %.3f / Odoo %.3f → %s; Brier %.4f vs prior %.4f / Odoo %.4f → %s",
                            label, ours.auc(), prior.auc(), odoo.auc(), auc ? "better than both" : "NOT better than both",
                            ours.brier(), prior.brier(), odoo.brier(), brier ? "better than both" : "NOT better than both"));
                }
                case NO_SIGNAL_FALL_BACK_TO_PRIOR -> {
                    boolean brier = ours.brier() <= prior.brier() + 1e-12;
                    boolean fellBack = size.signalFound() == 0;
                    passed &= brier && fellBack;
                    verdicts.add(String.format(java.util.Locale.ROOT,
                            "%s: Brier %.4f vs prior %.4f → %s; signalFound=true in %d of %d samples → %s",
                            label, ours.brier(), prior.brier(), brier ? "no worse" : "WORSE",
                            size.signalFound(), size.seeds(), fellBack ? "fell back to the prior" : "DID NOT fall back"));
                }
                case REPORT_ONLY -> {
                    // No bar, but say where the bar (beat both baselines) would stand.
                    boolean auc = ours.auc() > prior.auc() && ours.auc() > odoo.auc();
                    boolean brier = ours.brier() < prior.brier() && ours.brier() < odoo.brier();
                    verdicts.add(String.format(java.util.Locale.ROOT,
                            "%s: AUC %.3f vs prior %.3f / Odoo %.3f (%s), Brier %.4f vs prior %.4f / Odoo %.4f (%s), signal found in %d of %d",
                            label, ours.auc(), prior.auc(), odoo.auc(), auc ? "better than both" : "not better than both",
                            ours.brier(), prior.brier(), odoo.brier(), brier ? "better than both" : "not better than both",
                            size.signalFound(), size.seeds()));
                }
            }
        }
        return passed;
    }
}
