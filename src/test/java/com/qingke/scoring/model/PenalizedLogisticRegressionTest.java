package com.qingke.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PenalizedLogisticRegressionTest {

    /** x = 0: 3 of 10 won; x = 1: 8 of 10 won. */
    private static void twoGroups(List<double[]> rows, List<Boolean> won) {
        for (int i = 0; i < 10; i++) {
            rows.add(new double[] {0});
            won.add(i < 3);
            rows.add(new double[] {1});
            won.add(i < 8);
        }
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    @Test
    void withoutPenaltyRecoversTheLogOddsOfEachGroup() {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> won = new ArrayList<>();
        twoGroups(rows, won);
        LogisticCoefficients fit = PenalizedLogisticRegression.fit(rows, toArray(won), 1e-9);
        assertEquals(Math.log(0.3 / 0.7), fit.intercept(), 1e-6);
        assertEquals(Math.log(0.8 / 0.2) - Math.log(0.3 / 0.7), fit.weights().get(0), 1e-6);
    }

    @Test
    void penaltyShrinksTheWeightButNotTheIntercept() {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> won = new ArrayList<>();
        twoGroups(rows, won);
        double free = PenalizedLogisticRegression.fit(rows, toArray(won), 1e-9).weights().get(0);
        double shrunk = PenalizedLogisticRegression.fit(rows, toArray(won), 10).weights().get(0);
        assertTrue(shrunk > 0 && shrunk < free * 0.8, "expected clear shrinkage, got " + shrunk + " vs " + free);
        // at the optimum the gradient of the penalised likelihood is zero: Σ(y − p)·x = λ·w
        LogisticCoefficients fit = PenalizedLogisticRegression.fit(rows, toArray(won), 10);
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            double p = Metrics.sigmoid(fit.score(rows.get(i)));
            sum += ((won.get(i) ? 1 : 0) - p) * rows.get(i)[0];
        }
        assertEquals(10 * fit.weights().get(0), sum, 1e-6);
    }
}
