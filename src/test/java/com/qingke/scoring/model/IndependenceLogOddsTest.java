package com.qingke.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndependenceLogOddsTest {

    private static final TrainerConfig ONE_HOT = TrainerConfig.defaults().toBuilder()
            .minCategoryCount(1).stageAsFeature(false).numericBins(0).build();

    /** source = a: 3 won, 1 lost; source = b: 1 won, 5 lost. */
    private static List<Example> sources() {
        List<Example> examples = new ArrayList<>();
        boolean[] aWon = {true, true, true, false};
        boolean[] bWon = {true, false, false, false, false, false};
        for (int i = 0; i < aWon.length; i++) {
            examples.add(Example.builder("a" + i).categorical("source", "a").won(aWon[i]).build());
        }
        for (int i = 0; i < bWon.length; i++) {
            examples.add(Example.builder("b" + i).categorical("source", "b").won(bWon[i]).build());
        }
        return examples;
    }

    private static LogisticCoefficients fit(List<Example> examples, TrainerConfig config, double pseudoCount) {
        FeatureEncoding encoding = FeatureEncoding.fit(examples, config);
        List<double[]> rows = new ArrayList<>();
        boolean[] won = new boolean[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            rows.add(encoding.encode(examples.get(i)));
            won[i] = examples.get(i).won();
        }
        return IndependenceLogOdds.fit(rows, won, IndependenceLogOdds.ColumnKinds.of(encoding), pseudoCount);
    }

    @Test
    void levelWeightIsItsShrunkLogOddsRelativeToTheBaseRate() {
        double a = 2.0;
        LogisticCoefficients fit = fit(sources(), ONE_HOT, a);
        double pi = (4 + 0.5) / (10 + 1.0);
        double base = Math.log(pi / (1 - pi));
        // columns in level order: a, b
        assertEquals(Math.log((3 + a * pi) / (1 + a * (1 - pi))) - base, fit.weights().get(0), 1e-12);
        assertEquals(Math.log((1 + a * pi) / (5 + a * (1 - pi))) - base, fit.weights().get(1), 1e-12);
        assertEquals(0, fit.intercept(), 0, "the base rate comes from the Platt offset, not the learner");
    }

    @Test
    void largerPseudoCountsShrinkTowardsNoEffect() {
        LogisticCoefficients weak = fit(sources(), ONE_HOT, 0.5);
        LogisticCoefficients strong = fit(sources(), ONE_HOT, 50);
        assertTrue(weak.weights().get(0) > strong.weights().get(0) && strong.weights().get(0) > 0, weak + " / " + strong);
        assertTrue(weak.weights().get(1) < strong.weights().get(1) && strong.weights().get(1) < 0, weak + " / " + strong);
        assertTrue(Math.abs(strong.weights().get(0)) < 0.15 && Math.abs(weak.weights().get(0)) > 1, weak + " / " + strong);
    }

    @Test
    void numericFieldsGetAOneColumnSlopeOnlyWithoutBins() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            examples.add(Example.builder("n" + i).numeric("visits", (double) i).categorical("source", i % 2 == 0 ? "a" : "b")
                    .won(i >= 20 ? i % 5 != 0 : i % 5 == 0).build());
        }
        LogisticCoefficients linear = fit(examples, ONE_HOT.toBuilder().logTransformNonNegative(false).build(), 1);
        assertTrue(linear.weights().get(0) > 0.5, "more visits, more wins: " + linear);

        TrainerConfig binned = ONE_HOT.toBuilder().logTransformNonNegative(false).numericBins(4).build();
        LogisticCoefficients withBins = fit(examples, binned, 1);
        assertEquals(0, withBins.weights().get(0), 0, "the bins carry the effect: " + withBins);
        List<String> columns = FeatureEncoding.fit(examples, binned).columnNames();
        double lowest = withBins.weights().get(columns.indexOf("num:visits:bin0"));
        double highest = withBins.weights().get(columns.indexOf("num:visits:bin3"));
        assertTrue(lowest < 0 && highest > 0, withBins.toString());
    }
}
