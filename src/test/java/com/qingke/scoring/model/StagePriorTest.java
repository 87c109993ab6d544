package com.qingke.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StagePriorTest {

    private static Example deal(String id, String stage, boolean won) {
        return Example.builder(id).stage(stage).won(won).build();
    }

    @Test
    void estimatesBetaSmoothedRatesCountingEveryStageReached() {
        List<Example> closed = List.of(
                deal("1", "Negotiation", true),
                deal("2", "Negotiation", true),
                deal("3", "Proposal", false),
                deal("4", "Lead", false),
                deal("5", "Proposal", true));
        StagePrior prior = StagePrior.estimate(closed, List.of("Lead", "Proposal", "Negotiation"), 1.0);

        assertEquals(4.0 / 7.0, prior.probability("Lead"), 1e-12);        // all 5 reached Lead, 3 won
        assertEquals(4.0 / 6.0, prior.probability("Proposal"), 1e-12);    // 4 reached Proposal, 3 won
        assertEquals(3.0 / 4.0, prior.probability("Negotiation"), 1e-12); // 2 reached Negotiation, both won
        assertEquals(4.0 / 7.0, prior.baseRate(), 1e-12);
        assertEquals(4.0 / 7.0, prior.probability("Unknown stage"), 1e-12);
        assertEquals(4.0 / 7.0, prior.probability((String) null), 1e-12);
    }

    @Test
    void withoutStageOrderOnlyTheDealsOwnStageCounts() {
        List<Example> closed = List.of(deal("1", "B", true), deal("2", "A", false), deal("3", "A", true));
        StagePrior prior = StagePrior.estimate(closed, List.of(), 1.0);
        assertEquals((1 + 1.0) / (2 + 2.0), prior.probability("A"), 1e-12);
        assertEquals((1 + 1.0) / (1 + 2.0), prior.probability("B"), 1e-12);
    }

    @Test
    void configuredPriorFallsBackToBaseRate() {
        StagePrior prior = StagePrior.configured(Map.of("方案报价", 0.4), 0.2);
        assertEquals(0.4, prior.probability("方案报价"), 0);
        assertEquals(0.2, prior.probability("初步接触"), 0);
    }
}
