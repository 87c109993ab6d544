package com.qingke.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deals drawn from a known logistic ground truth:
 * logit P(won) = −0.4 + 1.2·meetings_z − 0.9·days_silent_z + 1.0·[referral] − 0.5·[channel = ads],
 * plus a pure-noise feature ("region"). The true probability is kept so tests can compare with the best possible AUC.
 */
final class SyntheticDeals {

    record Draw(Example example, double trueProbability) {
    }

    private SyntheticDeals() {
    }

    static List<Draw> logistic(int n, long seed) {
        Random random = new Random(seed);
        String[] channels = {"ads", "wecom", "event"};
        String[] regions = {"north", "south", "east", "west"};
        List<Draw> draws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double meetings = random.nextGaussian();
            double silent = random.nextGaussian();
            boolean referral = random.nextDouble() < 0.3;
            String channel = channels[random.nextInt(channels.length)];
            double logit = -0.4 + 1.2 * meetings - 0.9 * silent + (referral ? 1.0 : 0) - ("ads".equals(channel) ? 0.5 : 0);
            double p = 1 / (1 + Math.exp(-logit));
            Example example = Example.builder(seed + "-" + i)
                    .numeric("meetings", meetings)
                    .numeric("days_silent", silent)
                    .categorical("referral", referral ? "yes" : "no")
                    .categorical("channel", channel)
                    .categorical("region", regions[random.nextInt(regions.length)])
                    .won(random.nextDouble() < p)
                    .build();
            draws.add(new Draw(example, p));
        }
        return draws;
    }

    /** Features and labels drawn independently: there is nothing to learn. */
    static List<Example> noise(int n, double wonRate, long seed) {
        Random random = new Random(seed);
        String[] sources = {"ads", "wecom", "event", "referral"};
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            examples.add(Example.builder("noise-" + i)
                    .numeric("visits", (double) random.nextInt(20))
                    .numeric("amount", random.nextGaussian() * 1000 + 5000)
                    .categorical("source", sources[random.nextInt(sources.length)])
                    .categorical("owner", "rep" + random.nextInt(6))
                    .won(random.nextDouble() < wonRate)
                    .build());
        }
        return examples;
    }

    static List<Example> examples(List<Draw> draws) {
        return draws.stream().map(Draw::example).toList();
    }
}
