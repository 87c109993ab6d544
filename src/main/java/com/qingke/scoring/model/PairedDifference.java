package com.qingke.scoring.model;

/**
 * Mean and standard error of a per-example difference, used to ask whether a Brier improvement over the prior is
 * larger than chance. Pairing (same examples, two predictors) removes most of the noise that comparing two
 * separate Brier scores would carry.
 */
record PairedDifference(double mean, double standardError) {

    /** Mean in units of its standard error (0 when there is no spread at all). */
    double zScore() {
        return standardError == 0 ? 0 : mean / standardError;
    }

    /** Difference (prior squared error − candidate squared error): positive means the candidate is better. */
    static PairedDifference ofSquaredErrors(double[] reference, double[] candidate, boolean[] won) {
        int n = won.length;
        double[] d = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double y = won[i] ? 1 : 0;
            d[i] = (reference[i] - y) * (reference[i] - y) - (candidate[i] - y) * (candidate[i] - y);
            sum += d[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : d) {
            squares += (v - mean) * (v - mean);
        }
        double variance = n > 1 ? squares / (n - 1) : 0;
        return new PairedDifference(mean, Math.sqrt(variance / n));
    }
}
