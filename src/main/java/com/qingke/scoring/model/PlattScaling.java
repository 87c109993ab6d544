package com.qingke.scoring.model;

/**
 * Platt scaling: P(won) = sigmoid(slope · score + offset), fitted on out-of-fold scores so the learned model's
 * over- or under-confidence is corrected with data it did not train on. Uses Platt's smoothed targets
 * ((won + 1) / (won + 2) and 1 / (lost + 2)) so a perfectly separated small sample cannot produce infinite slopes.
 * The slope is never negative: see {@link #fit}.
 */
public record PlattScaling(double slope, double offset) {

    public double apply(double score) {
        return Metrics.sigmoid(slope * score + offset);
    }

    /** Newton's method with step halving on the (smoothed) log-loss, as in Lin, Lin and Weng (2007). */
    public static PlattScaling fit(double[] scores, boolean[] won) {
        int positives = 0;
        for (boolean w : won) {
            if (w) {
                positives++;
            }
        }
        int negatives = won.length - positives;
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double[] target = new double[won.length];
        for (int i = 0; i < won.length; i++) {
            target[i] = won[i] ? hiTarget : loTarget;
        }
        double a = 1.0;
        double b = Math.log((positives + 1.0) / (negatives + 1.0));
        double loss = loss(scores, target, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double gA = 0, gB = 0, hAA = 1e-12, hAB = 0, hBB = 1e-12;
            for (int i = 0; i < scores.length; i++) {
                double p = Metrics.sigmoid(a * scores[i] + b);
                double d = p - target[i];
                double w = p * (1 - p);
                gA += d * scores[i];
                gB += d;
                hAA += w * scores[i] * scores[i];
                hAB += w * scores[i];
                hBB += w;
            }
            if (Math.abs(gA) < 1e-9 && Math.abs(gB) < 1e-9) {
                break;
            }
            double det = hAA * hBB - hAB * hAB;
            double stepA = (hBB * gA - hAB * gB) / det;
            double stepB = (hAA * gB - hAB * gA) / det;
            double step = 1.0;
            boolean improved = false;
            while (step > 1e-8) {
                double newA = a - step * stepA;
                double newB = b - step * stepB;
                double newLoss = loss(scores, target, newA, newB);
                if (newLoss < loss - 1e-12) {
                    a = newA;
                    b = newB;
                    loss = newLoss;
                    improved = true;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                break;
            }
        }
        if (a < 0) {
            // A negative slope would turn a model that ranks backwards into one that looks predictive on the very
            // scores it was fitted on. Backwards ranking is no signal: keep only the base rate.
            return new PlattScaling(0, Math.log(hiTarget * positives + loTarget * negatives) - Math.log(won.length - hiTarget * positives - loTarget * negatives));
        }
        return new PlattScaling(a, b);
    }

    private static double loss(double[] scores, double[] target, double a, double b) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double z = a * scores[i] + b;
            // log(1 + e^z) - t·z, written to stay finite for large |z|
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += softplus - target[i] * z;
        }
        return sum;
    }
}
