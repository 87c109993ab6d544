package com.qingke.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationSplitTest {

    @Test
    void splitIsStratifiedDisjointAndReproducible() {
        List<Example> examples = SyntheticDeals.noise(400, 0.3, 1);
        long won = examples.stream().filter(Example::won).count();
        EvaluationSplit.Split split = EvaluationSplit.split(examples, "key", 0.25);
        List<Example> reversed = new java.util.ArrayList<>(examples);
        java.util.Collections.reverse(reversed);
        EvaluationSplit.Split again = EvaluationSplit.split(reversed, "key", 0.25);

        assertEquals(examples.size(), split.train().size() + split.test().size());
        assertEquals(Math.round(won * 0.25), split.test().stream().filter(Example::won).count());
        Set<String> testIds = new HashSet<>();
        split.test().forEach(e -> testIds.add(e.id()));
        assertTrue(split.train().stream().noneMatch(e -> testIds.contains(e.id())));
        assertEquals(testIds, new HashSet<>(again.test().stream().map(Example::id).toList()), "input order must not matter");
        assertNotEquals(testIds, new HashSet<>(EvaluationSplit.split(examples, "other key", 0.25).test().stream().map(Example::id).toList()));
    }

    @Test
    void sampleKeepsTheWonShareAndBothOutcomes() {
        List<Example> pool = SyntheticDeals.noise(1000, 0.3, 2);
        List<Example> sample = EvaluationSplit.stratifiedSample(pool, 20, "s");
        assertEquals(20, sample.size());
        long won = sample.stream().filter(Example::won).count();
        assertTrue(won >= 5 && won <= 7, "won " + won);
        assertEquals(pool.size(), EvaluationSplit.stratifiedSample(pool, Integer.MAX_VALUE, "s").size());
    }
}
