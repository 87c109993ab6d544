package com.qingke.scoring.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fitted mapping from an {@link Example} to the learned model's column vector. It is stored in the model
 * snapshot so a reloaded model encodes new examples exactly as at training time.
 *
 * @param numericFields     numeric features in column order
 * @param categoricalFields categorical features (stage included as {@link #STAGE_FIELD}) in column order
 * @param columnMeans       training mean of every column; factors are measured against this "average deal"
 */
public record FeatureEncoding(List<NumericField> numericFields, List<CategoricalField> categoricalFields, List<Double> columnMeans) {

    /** Feature name under which the pipeline stage enters the learned part. */
    public static final String STAGE_FIELD = "_stage";

    public FeatureEncoding {
        numericFields = List.copyOf(numericFields);
        categoricalFields = List.copyOf(categoricalFields);
        columnMeans = columnMeans == null ? List.of() : List.copyOf(columnMeans);
    }

    /** Learns the encoding from training examples; uses no labels, so it cannot leak the outcome. */
    public static FeatureEncoding fit(List<Example> examples, TrainerConfig config) {
        List<NumericField> numeric = new ArrayList<>();
        for (String name : numericNames(examples)) {
            NumericField field = fitNumeric(name, examples, config.logTransformNonNegative(), config.numericBins());
            if (field != null) {
                numeric.add(field);
            }
        }
        List<CategoricalField> categorical = new ArrayList<>();
        for (String name : categoricalNames(examples)) {
            CategoricalField field = fitCategorical(name, examples, config.minCategoryCount(), false);
            if (field != null) {
                categorical.add(field);
            }
        }
        if (config.stageAsFeature()) {
            CategoricalField stage = fitCategorical(STAGE_FIELD, examples, config.minCategoryCount(), true);
            if (stage != null) {
                categorical.add(stage);
            }
        }
        FeatureEncoding withoutMeans = new FeatureEncoding(numeric, categorical, List.of());
        double[] sums = new double[withoutMeans.width()];
        for (Example example : examples) {
            double[] row = withoutMeans.encode(example);
            for (int j = 0; j < row.length; j++) {
                sums[j] += row[j];
            }
        }
        List<Double> means = new ArrayList<>();
        for (double sum : sums) {
            means.add(examples.isEmpty() ? 0 : sum / examples.size());
        }
        return new FeatureEncoding(numeric, categorical, means);
    }

    private static Set<String> numericNames(List<Example> examples) {
        Set<String> names = new LinkedHashSet<>();
        examples.forEach(e -> names.addAll(e.numeric().keySet()));
        return names;
    }

    private static Set<String> categoricalNames(List<Example> examples) {
        Set<String> names = new LinkedHashSet<>();
        examples.forEach(e -> names.addAll(e.categorical().keySet()));
        return names;
    }

    private static NumericField fitNumeric(String name, List<Example> examples, boolean logTransformNonNegative, int bins) {
        List<Double> present = new ArrayList<>();
        for (Example example : examples) {
            Double value = example.numeric().get(name);
            if (value != null) {
                present.add(value);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        boolean logScaled = logTransformNonNegative && present.stream().allMatch(v -> v >= 0);
        double sum = 0;
        for (double v : present) {
            sum += logScaled ? Math.log1p(v) : v;
        }
        double mean = sum / present.size();
        double squares = 0;
        for (double v : present) {
            double d = (logScaled ? Math.log1p(v) : v) - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / present.size());
        boolean missingColumn = present.size() < examples.size();
        if (std == 0 && !missingColumn) {
            return null; // constant: carries no information
        }
        return new NumericField(name, logScaled, mean, std == 0 ? 1 : std, missingColumn, quantileCuts(present, bins));
    }

    /** Distinct training quantiles (a point mass such as "0 visits" collapses duplicates into its own bin). */
    private static List<Double> quantileCuts(List<Double> values, int bins) {
        if (bins < 2) {
            return List.of();
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        Set<Double> cuts = new java.util.TreeSet<>();
        for (int q = 1; q < bins; q++) {
            double cut = sorted.get((int) ((long) q * sorted.size() / bins));
            if (cut > sorted.get(0)) {
                cuts.add(cut);
            }
        }
        return new ArrayList<>(cuts);
    }

    private static CategoricalField fitCategorical(String name, List<Example> examples, int minCount, boolean isStage) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Example example : examples) {
            String value = isStage ? example.stage() : example.categorical().get(name);
            counts.merge(value == null ? CategoricalField.MISSING : value, 1, Integer::sum);
        }
        List<String> levels = new ArrayList<>();
        int rare = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() >= minCount) {
                levels.add(entry.getKey());
            } else {
                rare += entry.getValue();
            }
        }
        levels.sort(String::compareTo);
        if (rare > 0) {
            levels.add(CategoricalField.OTHER);
        }
        // One column that is set for everybody (or nobody) cannot separate won from lost.
        if (levels.size() < 2) {
            return null;
        }
        return new CategoricalField(name, levels);
    }

    @JsonIgnore
    public int width() {
        int width = 0;
        for (NumericField field : numericFields) {
            width += field.columns();
        }
        for (CategoricalField field : categoricalFields) {
            width += field.levels().size();
        }
        return width;
    }

    /** Unique, readable column names (for debugging and snapshots). */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (NumericField field : numericFields) {
            names.add("num:" + field.name());
            if (field.missingColumn()) {
                names.add("num:" + field.name() + ":missing");
            }
            for (int b = 0; b < field.binColumns(); b++) {
                names.add("num:" + field.name() + ":bin" + b);
            }
        }
        for (CategoricalField field : categoricalFields) {
            for (String level : field.levels()) {
                names.add("cat:" + field.name() + "=" + level);
            }
        }
        return names;
    }

    /** For every column, the feature it came from (so factors can be reported per feature, not per column). */
    public List<String> columnFeatures() {
        List<String> features = new ArrayList<>();
        for (NumericField field : numericFields) {
            for (int c = 0; c < field.columns(); c++) {
                features.add(field.name());
            }
        }
        for (CategoricalField field : categoricalFields) {
            for (int i = 0; i < field.levels().size(); i++) {
                features.add(field.name());
            }
        }
        return features;
    }

    public double[] encode(Example example) {
        double[] row = new double[width()];
        int column = 0;
        for (NumericField field : numericFields) {
            Double value = example.numeric().get(field.name());
            row[column++] = value == null ? 0 : field.standardise(value);
            if (field.missingColumn()) {
                row[column++] = value == null ? 1 : 0;
            }
            if (field.binColumns() > 0) {
                if (value != null) {
                    row[column + field.bin(value)] = 1;
                }
                column += field.binColumns();
            }
        }
        for (CategoricalField field : categoricalFields) {
            String value = STAGE_FIELD.equals(field.name()) ? example.stage() : example.categorical().get(field.name());
            int level = field.levelIndex(value);
            if (level >= 0) {
                row[column + level] = 1;
            }
            column += field.levels().size();
        }
        return row;
    }
}
