package com.qingke.scoring;

import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long this corp's opportunities usually stay in each stage: the median time between entering a stage and leaving
 * it, from the stage history. Falls back to the configured days while a stage has too few samples. Cached per corp.
 */
@ApplicationScoped
public class StageDurations {
    private final ScoringConfig config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public StageDurations(ScoringConfig config) {
        this.config = config;
    }

    private record Cached(Map<Stage, Double> days, Instant at) {
    }

    /** Usual days in the stage for this corp. */
    public double usualDays(String corpId, Stage stage) {
        Cached cached = cache.get(corpId);
        if (cached == null || cached.at().plus(config.stageStatsTtl()).isBefore(Instant.now())) {
            cached = new Cached(compute(corpId), Instant.now());
            cache.put(corpId, cached);
        }
        return cached.days().getOrDefault(stage, fallback(stage));
    }

    /** Forgets the cached medians (after an import of history, or in tests). */
    public void invalidate() {
        cache.clear();
    }

    private Map<Stage, Double> compute(String corpId) {
        List<StageChange> history = StageChange.list("corpId = ?1 order by opportunityId, changedAt, id", corpId);
        Map<Stage, List<Double>> samples = new EnumMap<>(Stage.class);
        Map<Long, StageChange> lastEntry = new HashMap<>();
        for (StageChange change : history) {
            StageChange entered = lastEntry.get(change.opportunityId);
            if (entered != null && entered.toStage == change.fromStage && !change.fromStage.isClosed()) {
                double days = Duration.between(entered.changedAt, change.changedAt).toMillis() / 86_400_000d;
                samples.computeIfAbsent(change.fromStage, s -> new ArrayList<>()).add(Math.max(0, days));
            }
            lastEntry.put(change.opportunityId, change);
        }
        Map<Stage, Double> medians = new EnumMap<>(Stage.class);
        samples.forEach((stage, values) -> {
            if (values.size() >= config.minStageSamples()) {
                medians.put(stage, median(values));
            }
        });
        return medians;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private double fallback(Stage stage) {
        ScoringConfig.UsualDays days = config.usualDaysInStage();
        return switch (stage) {
            case INITIAL -> days.initial();
            case QUALIFIED -> days.qualified();
            case PROPOSAL -> days.proposal();
            case NEGOTIATION -> days.negotiation();
            case WON, LOST -> 0;
        };
    }
}
