package com.qingke.scoring.model;

import java.util.List;

/**
 * How one numeric feature is turned into model columns: optional log1p (counts, durations and amounts are
 * heavy-tailed), then standardisation with the training mean and standard deviation. When the training data had
 * missing values a 0/1 column marks "missing", and the standardised column is 0 (the mean) for them.
 * Training-quantile cut points add one-hot bin columns next to the linear term, so effects that are not straight
 * lines on the log scale (e.g. "never visited" versus "visited once") can still be learned.
 */
public record NumericField(String name, boolean logScaled, double mean, double std, boolean missingColumn, List<Double> binCuts) {

    public NumericField {
        binCuts = binCuts == null ? List.of() : List.copyOf(binCuts);
    }

    /** Number of one-hot bin columns (zero when there are no cut points). */
    int binColumns() {
        return binCuts.isEmpty() ? 0 : binCuts.size() + 1;
    }

    int columns() {
        return 1 + (missingColumn ? 1 : 0) + binColumns();
    }

    /** Index of the bin a raw value falls into: the number of cut points it is at or above. */
    int bin(double raw) {
        int bin = 0;
        while (bin < binCuts.size() && raw >= binCuts.get(bin)) {
            bin++;
        }
        return bin;
    }

    /** Standardised values are clipped so one absurd input (a typo of 10⁹ visits) cannot dominate the score. */
    static final double CLIP = 5.0;

    double transform(double raw) {
        return logScaled ? Math.log1p(Math.max(0, raw)) : raw;
    }

    double standardise(double raw) {
        double z = (transform(raw) - mean) / std;
        return Math.max(-CLIP, Math.min(CLIP, z));
    }
}
