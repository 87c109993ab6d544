package com.qingke.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTest {

    @Test
    void aucCountsCorrectlyOrderedPairsAndHalfForTies() {
        // won scores {0.8, 0.4}, lost scores {0.4, 0.2, 0.1}: pairs (0.8 beats all 3) + (0.4 ties one, beats two) = 3 + 2.5
        double[] p = {0.8, 0.4, 0.4, 0.2, 0.1};
        boolean[] y = {true, true, false, false, false};
        assertEquals(5.5 / 6.0, Metrics.auc(p, y), 1e-12);
    }

    @Test
    void aucIsZeroForPerfectlyBackwardsRankingAndHalfForConstants() {
        assertEquals(0.0, Metrics.auc(new double[] {0.1, 0.9}, new boolean[] {true, false}), 1e-12);
        assertEquals(0.5, Metrics.auc(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, true}), 1e-12);
        assertEquals(0.5, Metrics.auc(new double[] {0.3, 0.7}, new boolean[] {true, true}), 1e-12);
    }

    @Test
    void brierIsTheMeanSquaredError() {
        double[] p = {0.9, 0.2, 0.5};
        boolean[] y = {true, true, false};
        // (0.1² + 0.8² + 0.5²) / 3 = (0.01 + 0.64 + 0.25) / 3
        assertEquals(0.9 / 3, Metrics.brier(p, y), 1e-12);
    }

    @Test
    void calibrationByDecileGroupsSortedPredictionsIntoEqualBins() {
        double[] p = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            p[i] = (19 - i) / 20.0;       // reversed order on purpose: bins must follow the sorted predictions
            y[i] = i % 3 == 0;
        }
        List<CalibrationBin> bins = Metrics.calibrationByDecile(p, y);
        assertEquals(10, bins.size());
        CalibrationBin first = bins.get(0);
        assertEquals(2, first.count());
        assertEquals((0.0 + 0.05) / 2, first.meanPredicted(), 1e-12);
        // predictions 0.00 and 0.05 belong to i = 19 (not won) and i = 18 (won, 18 % 3 == 0)
        assertEquals(0.5, first.observedRate(), 1e-12);
        CalibrationBin last = bins.get(9);
        assertEquals((0.90 + 0.95) / 2, last.meanPredicted(), 1e-12);
        // i = 1 and i = 0: only i = 0 won
        assertEquals(0.5, last.observedRate(), 1e-12);
    }

    @Test
    void calibrationNeverSplitsTiedPredictions() {
        // a constant predictor: one bin holding everything, whatever the input order
        double[] constant = {0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4};
        boolean[] y = {true, true, true, true, true, false, false, false, false, false, false, false};
        List<CalibrationBin> bins = Metrics.calibrationByDecile(constant, y);
        assertEquals(1, bins.size());
        assertEquals(12, bins.get(0).count());
        assertEquals(5.0 / 12, bins.get(0).observedRate(), 1e-12);
        assertEquals(Math.abs(0.4 - 5.0 / 12), Metrics.expectedCalibrationError(bins), 1e-12);

        // two tied groups: each becomes one bin
        double[] twoLevels = {0.2, 0.2, 0.2, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7};
        boolean[] outcome = {false, false, true, true, true, true, false, true, true, true};
        List<CalibrationBin> twoBins = Metrics.calibrationByDecile(twoLevels, outcome);
        assertEquals(2, twoBins.size());
        assertEquals(3, twoBins.get(0).count());
        assertEquals(1.0 / 3, twoBins.get(0).observedRate(), 1e-12);
        assertEquals(7, twoBins.get(1).count());
        assertEquals(6.0 / 7, twoBins.get(1).observedRate(), 1e-12);
    }

    @Test
    void calibrationLeavesOutEmptyBinsOnTinyArraysAndEceWeighsByCount() {
        double[] p = {0.2, 0.8, 0.6};
        boolean[] y = {false, true, false};
        List<CalibrationBin> bins = Metrics.calibrationByDecile(p, y);
        assertEquals(3, bins.size());
        assertEquals(0.2, bins.get(0).meanPredicted(), 1e-12);
        assertEquals(0.0, bins.get(0).observedRate(), 1e-12);
        // |0.2 − 0| + |0.6 − 0| + |0.8 − 1|, each bin holding one example
        assertEquals((0.2 + 0.6 + 0.2) / 3, Metrics.expectedCalibrationError(bins), 1e-12);
    }
}
