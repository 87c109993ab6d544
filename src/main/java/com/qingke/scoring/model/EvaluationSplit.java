package com.qingke.scoring.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reproducible, stratified selection by a hash of the example id: within each outcome, examples are ordered by
 * SHA-256("key:id") and taken from the front. The same key and ids always give the same split on any machine.
 */
public final class EvaluationSplit {

    private EvaluationSplit() {
    }

    /** Train / test partition of a data set. */
    public record Split(List<Example> train, List<Example> test) {
    }

    /** Holds out {@code testFraction} of each outcome (rounded) as the test set. */
    public static Split split(List<Example> examples, String key, double testFraction) {
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (boolean outcome : new boolean[] {true, false}) {
            List<Example> ordered = orderedByHash(examples, outcome, key);
            int testCount = (int) Math.round(ordered.size() * testFraction);
            test.addAll(ordered.subList(0, testCount));
            train.addAll(ordered.subList(testCount, ordered.size()));
        }
        return new Split(train, test);
    }

    /**
     * A training sample of {@code size} examples with the pool's won share (at least two of each outcome so the
     * baselines and the model can be trained at all), chosen by the hash order under {@code key}.
     */
    public static List<Example> stratifiedSample(List<Example> pool, int size, String key) {
        if (size >= pool.size()) {
            return List.copyOf(pool);
        }
        List<Example> won = orderedByHash(pool, true, key);
        List<Example> lost = orderedByHash(pool, false, key);
        int wonCount = (int) Math.round(size * (double) won.size() / pool.size());
        wonCount = Math.max(2, Math.min(size - 2, wonCount));
        List<Example> sample = new ArrayList<>(won.subList(0, Math.min(wonCount, won.size())));
        sample.addAll(lost.subList(0, Math.min(size - wonCount, lost.size())));
        return sample;
    }

    private static List<Example> orderedByHash(List<Example> examples, boolean outcome, String key) {
        List<Example> selected = new ArrayList<>();
        for (Example example : examples) {
            if (example.won() == outcome) {
                selected.add(example);
            }
        }
        selected.sort(Comparator.comparingLong((Example e) -> hash(key + ":" + e.id())).thenComparing(Example::id));
        return selected;
    }

    static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
