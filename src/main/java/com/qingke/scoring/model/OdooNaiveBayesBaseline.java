package com.qingke.scoring.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Baseline 2 of BASELINES.md: Odoo's predictive lead scoring, a per-field frequency naive Bayes
 * (crm_lead.py, {@code _pls_get_naive_bayes_probabilities} and the frequency-table methods).
 * <ul>
 *   <li>For every (field, value) seen in the closed examples, won and lost counts that start at 0.1.</li>
 *   <li>Stage: an example counts for every stage it reached; the stage likelihood is taken against the total won /
 *       lost counts, which (as in Odoo) are the counts of the first stage every deal passes through. Without stages
 *       the totals are the plain won / lost counts.</li>
 *   <li>Other fields: the likelihood is the value's count over the field's summed counts.</li>
 *   <li>Score S_won = P(won) · Π P(value | won), S_lost likewise over the example's set values; values never seen
 *       (and missing values) are skipped; probability = S_won / (S_won + S_lost) clipped to [0.0001, 0.9999].</li>
 * </ul>
 * Adaptations, because Odoo scores only categorical fields and per sales team: numeric features are cut into
 * training quantile bins (quintiles) so they can enter the table, and one table is kept for all examples
 * (Odoo's all-teams table). There are no tags in our data, so the tag rule (ignore tags with fewer than 50 closed
 * leads) does not apply.
 */
public final class OdooNaiveBayesBaseline implements ProbabilityScorer {

    static final double INITIAL_COUNT = 0.1;
    static final double MIN_PROBABILITY = 0.0001;
    static final double MAX_PROBABILITY = 0.9999;
    static final String STAGE = "stage_id";
    private static final int NUMERIC_BINS = 5;

    /** field → value → {won, lost} */
    private final Map<String, Map<String, double[]>> table;
    private final Map<String, double[]> fieldTotals;
    private final Map<String, double[]> numericCutPoints;
    private final double teamWon;
    private final double teamLost;

    private OdooNaiveBayesBaseline(Map<String, Map<String, double[]>> table, Map<String, double[]> numericCutPoints,
                                   double teamWon, double teamLost) {
        this.table = table;
        this.numericCutPoints = numericCutPoints;
        this.teamWon = teamWon;
        this.teamLost = teamLost;
        this.fieldTotals = new HashMap<>();
        table.forEach((field, values) -> {
            double[] total = new double[2];
            values.values().forEach(c -> {
                total[0] += c[0];
                total[1] += c[1];
            });
            fieldTotals.put(field, total);
        });
    }

    public static OdooNaiveBayesBaseline train(List<Example> closed, List<String> stageOrder) {
        Map<String, double[]> cutPoints = new LinkedHashMap<>();
        Set<String> numericNames = new LinkedHashSet<>();
        closed.forEach(e -> numericNames.addAll(e.numeric().keySet()));
        for (String name : numericNames) {
            cutPoints.put(name, quantileCutPoints(closed, name));
        }

        Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
        List<String> order = stageOrder == null ? List.of() : stageOrder;
        for (Example example : closed) {
            int outcome = example.won() ? 0 : 1;
            for (Map.Entry<String, String> value : fieldValues(example, cutPoints).entrySet()) {
                increment(table, value.getKey(), value.getValue(), outcome);
            }
            if (example.stage() != null) {
                Set<String> reached = new LinkedHashSet<>();
                for (String stage : order) {
                    if (StagePrior.reached(example.stage(), stage, order)) {
                        reached.add(stage);
                    }
                }
                reached.add(example.stage());
                for (String stage : reached) {
                    increment(table, STAGE, stage, outcome);
                }
            }
        }

        long won = closed.stream().filter(Example::won).count();
        long lost = closed.size() - won;
        double teamWon = won;
        double teamLost = lost;
        Map<String, double[]> stages = table.get(STAGE);
        if (stages != null) {
            // Odoo takes the team totals from the first stage, which every closed deal reached (counts include the 0.1).
            String firstStage = order.stream().filter(stages::containsKey).findFirst().orElse(null);
            if (firstStage != null) {
                teamWon = stages.get(firstStage)[0];
                teamLost = stages.get(firstStage)[1];
            } else {
                teamWon = won + INITIAL_COUNT;
                teamLost = lost + INITIAL_COUNT;
            }
        }
        return new OdooNaiveBayesBaseline(table, cutPoints, teamWon, teamLost);
    }

    private static void increment(Map<String, Map<String, double[]>> table, String field, String value, int outcome) {
        double[] counts = table.computeIfAbsent(field, f -> new LinkedHashMap<>())
                .computeIfAbsent(value, v -> new double[] {INITIAL_COUNT, INITIAL_COUNT});
        counts[outcome] += 1;
    }

    /** The example's set values: categoricals as they are, numerics as their quantile bin. */
    private static Map<String, String> fieldValues(Example example, Map<String, double[]> cutPoints) {
        Map<String, String> values = new LinkedHashMap<>(example.categorical());
        example.numeric().forEach((name, value) -> {
            double[] cuts = cutPoints.get(name);
            if (cuts != null) {
                values.put(name, "bin" + bin(value, cuts));
            }
        });
        return values;
    }

    private static double[] quantileCutPoints(List<Example> closed, String name) {
        List<Double> values = new ArrayList<>();
        closed.forEach(e -> {
            Double v = e.numeric().get(name);
            if (v != null) {
                values.add(v);
            }
        });
        values.sort(Double::compare);
        Set<Double> cuts = new LinkedHashSet<>();
        for (int q = 1; q < NUMERIC_BINS; q++) {
            if (!values.isEmpty()) {
                cuts.add(values.get((int) ((long) q * values.size() / NUMERIC_BINS)));
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int bin(double value, double[] cuts) {
        int bin = 0;
        while (bin < cuts.length && value >= cuts[bin]) {
            bin++;
        }
        return bin;
    }

    @Override
    public double probability(Example example) {
        if (teamWon <= 0 || teamLost <= 0) {
            // Odoo cannot score a team without both outcomes; the evaluation never trains on such a sample.
            throw new IllegalStateException("naive Bayes needs both won and lost history");
        }
        double logWon = Math.log(teamWon / (teamWon + teamLost));
        double logLost = Math.log(teamLost / (teamWon + teamLost));
        Map<String, String> values = fieldValues(example, numericCutPoints);
        if (example.stage() != null) {
            values.put(STAGE, example.stage());
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Map<String, double[]> field = table.get(entry.getKey());
            double[] counts = field == null ? null : field.get(entry.getValue());
            if (counts == null) {
                continue; // never seen: Odoo skips it
            }
            boolean isStage = STAGE.equals(entry.getKey());
            double totalWon = isStage ? teamWon : fieldTotals.get(entry.getKey())[0];
            double totalLost = isStage ? teamLost : fieldTotals.get(entry.getKey())[1];
            logWon += Math.log(counts[0] / totalWon);
            logLost += Math.log(counts[1] / totalLost);
        }
        double probability = Metrics.sigmoid(logWon - logLost);
        return Math.max(MIN_PROBABILITY, Math.min(MAX_PROBABILITY, probability));
    }
}
