package com.qingke.scoring.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The small-sample learner: a sum of per-column log-odds estimated one column at a time ("naive" or independence
 * logistic model), each shrunk towards "no effect" with a pseudo-count. With 20 closed deals a joint ridge fit spreads
 * a handful of wins over tens of correlated columns and its out-of-fold scores are mostly noise; one column at a time
 * only has to estimate one rate, which is far more stable.
 * <ul>
 *   <li>0/1 columns (categorical levels, "missing", numeric quantile bins): weight = log((won with the column set + a·π)
 *       / (lost with it set + a·(1 − π))) − logit(π), with π the smoothed base rate and a the pseudo-count: a level seen
 *       in no deal gets 0, a level seen often gets nearly its raw log-odds ratio.</li>
 *   <li>Standardised numeric columns: the slope of a one-column logistic regression with penalty a/2·w² (the same
 *       shrinkage), unless the field has quantile bins, which already carry its effect.</li>
 * </ul>
 * The intercept is 0: the score is evidence relative to the base rate, and the Platt scaling fitted on out-of-fold
 * scores supplies both the base rate and the overall slope (which also corrects for the double counting of correlated
 * columns that an independence model makes). The result is a {@link LogisticCoefficients} on the same columns as the
 * ridge fit, so snapshots, predictions and explanations are served by exactly the same code.
 */
final class IndependenceLogOdds {

    private IndependenceLogOdds() {
    }

    /** Which columns are 0/1 indicators and which standardised numeric columns should get a one-column slope. */
    record ColumnKinds(boolean[] indicator, boolean[] linear) {

        static ColumnKinds of(FeatureEncoding encoding) {
            int width = encoding.width();
            boolean[] indicator = new boolean[width];
            boolean[] linear = new boolean[width];
            int column = 0;
            for (NumericField field : encoding.numericFields()) {
                linear[column++] = field.binColumns() == 0;
                if (field.missingColumn()) {
                    indicator[column++] = true;
                }
                for (int b = 0; b < field.binColumns(); b++) {
                    indicator[column++] = true;
                }
            }
            for (CategoricalField field : encoding.categoricalFields()) {
                for (int l = 0; l < field.levels().size(); l++) {
                    indicator[column++] = true;
                }
            }
            return new ColumnKinds(indicator, linear);
        }
    }

    static LogisticCoefficients fit(List<double[]> rows, boolean[] won, ColumnKinds kinds, double pseudoCount) {
        int n = rows.size();
        int width = kinds.indicator().length;
        int positives = 0;
        for (boolean w : won) {
            positives += w ? 1 : 0;
        }
        double pi = (positives + 0.5) / (n + 1.0);
        double baseLogOdds = Math.log(pi / (1 - pi));
        double[] wonWith = new double[width];
        double[] lostWith = new double[width];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            for (int j = 0; j < width; j++) {
                if (kinds.indicator()[j] && row[j] != 0) {
                    if (won[i]) {
                        wonWith[j]++;
                    } else {
                        lostWith[j]++;
                    }
                }
            }
        }
        List<Double> weights = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            double weight = 0;
            if (kinds.indicator()[j]) {
                weight = Math.log((wonWith[j] + pseudoCount * pi) / (lostWith[j] + pseudoCount * (1 - pi))) - baseLogOdds;
            } else if (kinds.linear()[j]) {
                List<double[]> single = new ArrayList<>(n);
                for (double[] row : rows) {
                    single.add(new double[] {row[j]});
                }
                weight = PenalizedLogisticRegression.fit(single, won, pseudoCount).weights().get(0);
            }
            weights.add(weight);
        }
        return new LogisticCoefficients(0, weights);
    }
}
