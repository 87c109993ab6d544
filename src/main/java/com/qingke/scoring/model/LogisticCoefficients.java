package com.qingke.scoring.model;

import java.util.List;

/**
 * The learned linear part: log-odds of winning = intercept + Σ weights[j] · column[j], with columns as produced by
 * {@link FeatureEncoding#encode(Example)}. Kept as plain numbers so a snapshot is readable and portable.
 */
public record LogisticCoefficients(double intercept, List<Double> weights) {

    public LogisticCoefficients {
        weights = List.copyOf(weights);
    }

    double score(double[] row) {
        if (row.length != weights.size()) {
            throw new IllegalArgumentException("expected " + weights.size() + " columns, got " + row.length);
        }
        double z = intercept;
        for (int j = 0; j < row.length; j++) {
            z += weights.get(j) * row[j];
        }
        return z;
    }

    /** Coordinate-wise mean of several fits on the same columns (the cross-validation fold models, i.e. bagging). */
    static LogisticCoefficients average(List<LogisticCoefficients> fits) {
        int width = fits.get(0).weights().size();
        double[] sum = new double[width];
        double intercept = 0;
        for (LogisticCoefficients fit : fits) {
            intercept += fit.intercept();
            for (int j = 0; j < width; j++) {
                sum[j] += fit.weights().get(j);
            }
        }
        Double[] mean = new Double[width];
        for (int j = 0; j < width; j++) {
            mean[j] = sum[j] / fits.size();
        }
        return new LogisticCoefficients(intercept / fits.size(), List.of(mean));
    }
}
