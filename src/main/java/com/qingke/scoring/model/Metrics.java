package com.qingke.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Probability-quality metrics shared by training (internal cross-validation), the model card and the evaluation. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * ROC AUC computed from ranks (Mann–Whitney U): the probability that a random won example scores higher than a
     * random lost one, counting ties as one half. Returns 0.5 when one class is absent, since no ranking exists.
     */
    public static double auc(double[] predicted, boolean[] won) {
        checkSameLength(predicted, won);
        int n = predicted.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && predicted[order[j + 1]] == predicted[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = midRank;
            }
            i = j + 1;
        }
        long positives = 0;
        double positiveRankSum = 0;
        for (int k = 0; k < n; k++) {
            if (won[k]) {
                positives++;
                positiveRankSum += ranks[k];
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean squared difference between predicted probability and outcome (0 or 1). Lower is better. */
    public static double brier(double[] predicted, boolean[] won) {
        checkSameLength(predicted, won);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - (won[i] ? 1 : 0);
            sum += error * error;
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    /** Mean negative log-likelihood, with probabilities clipped away from 0 and 1 so one bad guess stays finite. */
    public static double logLoss(double[] predicted, boolean[] won) {
        checkSameLength(predicted, won);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, predicted[i]));
            sum -= won[i] ? Math.log(p) : Math.log(1 - p);
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    /**
     * Calibration by decile: examples sorted by prediction and cut into ten groups of (nearly) equal size, so bin
     * {@code b} would end at sorted position {@code (b+1)·n/10}. Equal predictions are never split across bins (a
     * bin is extended to the end of a run of ties), otherwise a constant predictor would show made-up bins whose
     * observed rates depend only on the input order. Bins left empty by this (or by fewer than ten examples) are
     * omitted, so the list can be shorter than ten.
     */
    public static List<CalibrationBin> calibrationByDecile(double[] predicted, boolean[] won) {
        return calibrationByQuantile(predicted, won, 10);
    }

    public static List<CalibrationBin> calibrationByQuantile(double[] predicted, boolean[] won, int bins) {
        checkSameLength(predicted, won);
        int n = predicted.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        List<CalibrationBin> result = new ArrayList<>();
        int from = 0;
        for (int b = 0; b < bins && from < n; b++) {
            int to = Math.max(from, (int) ((long) (b + 1) * n / bins));
            while (to > from && to < n && predicted[order[to]] == predicted[order[to - 1]]) {
                to++;
            }
            if (to <= from) {
                continue;
            }
            double sumPredicted = 0;
            int wonCount = 0;
            for (int k = from; k < to; k++) {
                sumPredicted += predicted[order[k]];
                if (won[order[k]]) {
                    wonCount++;
                }
            }
            int count = to - from;
            result.add(new CalibrationBin(result.size() + 1, count, predicted[order[from]], predicted[order[to - 1]],
                    sumPredicted / count, (double) wonCount / count));
            from = to;
        }
        return result;
    }

    /** Count-weighted mean absolute gap between predicted and observed rate over the bins (expected calibration error). */
    public static double expectedCalibrationError(List<CalibrationBin> bins) {
        long total = 0;
        double weighted = 0;
        for (CalibrationBin bin : bins) {
            total += bin.count();
            weighted += bin.count() * Math.abs(bin.meanPredicted() - bin.observedRate());
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    private static void checkSameLength(double[] predicted, boolean[] won) {
        if (predicted.length != won.length) {
            throw new IllegalArgumentException("predictions and labels differ in length: " + predicted.length + " vs " + won.length);
        }
    }
}
