package com.qingke.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OdooNaiveBayesBaselineTest {

    private static Example lead(String id, String source, boolean won) {
        return Example.builder(id).categorical("source", source).won(won).build();
    }

    @Test
    void matchesHandComputedFrequencyTable() {
        OdooNaiveBayesBaseline nb = OdooNaiveBayesBaseline.train(List.of(
                lead("1", "A", true), lead("2", "A", false), lead("3", "B", true), lead("4", "A", true)), List.of());
        // counts start at 0.1: A = (won 2.1, lost 1.1), B = (1.1, 0.1); field totals won 3.2, lost 1.2; P(won) = 3/4
        double sWon = 0.75 * 2.1 / 3.2;
        double sLost = 0.25 * 1.1 / 1.2;
        assertEquals(sWon / (sWon + sLost), nb.probability(lead("x", "A", false)), 1e-12);
        double sWonB = 0.75 * 1.1 / 3.2;
        double sLostB = 0.25 * 0.1 / 1.2;
        assertEquals(sWonB / (sWonB + sLostB), nb.probability(lead("y", "B", false)), 1e-12);
        // never-seen and missing values are skipped: only the prior remains
        assertEquals(0.75, nb.probability(lead("z", "C", false)), 1e-12);
        assertEquals(0.75, nb.probability(Example.builder("m").build()), 1e-12);
    }

    @Test
    void stageCountsEveryStageReachedAndUsesFirstStageTotals() {
        List<String> order = List.of("S1", "S2");
        OdooNaiveBayesBaseline nb = OdooNaiveBayesBaseline.train(List.of(
                Example.builder("1").stage("S2").won(true).build(),
                Example.builder("2").stage("S1").won(false).build(),
                Example.builder("3").stage("S2").won(false).build()), order);
        // S1 reached by all: won 1.1, lost 2.1 (= team totals); S2: won 1.1, lost 1.1
        double sWonS1 = (1.1 / 3.2) * (1.1 / 1.1);
        double sLostS1 = (2.1 / 3.2) * (2.1 / 2.1);
        assertEquals(sWonS1 / (sWonS1 + sLostS1), nb.probability(Example.builder("a").stage("S1").build()), 1e-12);
        double sWonS2 = (1.1 / 3.2) * (1.1 / 1.1);
        double sLostS2 = (2.1 / 3.2) * (1.1 / 2.1);
        assertEquals(sWonS2 / (sWonS2 + sLostS2), nb.probability(Example.builder("b").stage("S2").build()), 1e-12);
    }

    @Test
    void clipsToOdooBounds() {
        List<Example> closed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            closed.add(Example.builder("w" + i).categorical("a", "yes").categorical("b", "yes").categorical("c", "yes").won(true).build());
        }
        closed.add(Example.builder("l").categorical("a", "no").categorical("b", "no").categorical("c", "no").won(false).build());
        OdooNaiveBayesBaseline nb = OdooNaiveBayesBaseline.train(closed, List.of());
        assertEquals(0.9999, nb.probability(closed.get(0)), 0);
        assertEquals(0.0001, nb.probability(closed.get(200)), 1e-6);
    }
}
