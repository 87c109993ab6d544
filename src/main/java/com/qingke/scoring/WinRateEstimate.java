package com.qingke.scoring;

import java.util.List;

/**
 * A win probability with the reasons behind it.
 *
 * @param probability     0..1
 * @param factors         short Chinese explanations shown to the rep, strongest first
 * @param modelSnapshotId the model snapshot that produced it, or null for the configured stage prior
 */
public record WinRateEstimate(double probability, List<String> factors, Long modelSnapshotId) {

    public WinRateEstimate {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("win rate must be a probability: " + probability);
        }
        factors = List.copyOf(factors);
    }
}
