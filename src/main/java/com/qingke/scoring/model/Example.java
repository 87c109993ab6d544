package com.qingke.scoring.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One deal or lead as the model sees it: named categorical and numeric features known before the outcome,
 * the pipeline stage it reached (optional, used by the per-stage prior) and the outcome label.
 * <p>
 * Blank categorical values and null/NaN numeric values are treated as missing and dropped on construction,
 * so every consumer sees the same notion of "missing".
 *
 * @param id          stable identifier (used for reproducible splits and for tracing a prediction)
 * @param categorical categorical features, e.g. {@code "source" -> "WeCom QR code"}
 * @param numeric     numeric features, e.g. {@code "visits" -> 5.0}
 * @param stage       furthest pipeline stage reached before the outcome, or null
 * @param won         the label: true for won / converted, false for lost; ignored when predicting
 */
public record Example(String id, Map<String, String> categorical, Map<String, Double> numeric, String stage, boolean won) {

    public Example {
        Objects.requireNonNull(id, "id");
        categorical = cleanCategorical(categorical);
        numeric = cleanNumeric(numeric);
        stage = stage == null || stage.isBlank() ? null : stage.trim();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    private static Map<String, String> cleanCategorical(Map<String, String> values) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((name, value) -> {
                if (name != null && value != null && !value.isBlank()) {
                    cleaned.put(name, value.trim());
                }
            });
        }
        return Collections.unmodifiableMap(cleaned);
    }

    private static Map<String, Double> cleanNumeric(Map<String, Double> values) {
        Map<String, Double> cleaned = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((name, value) -> {
                if (name != null && value != null && Double.isFinite(value)) {
                    cleaned.put(name, value);
                }
            });
        }
        return Collections.unmodifiableMap(cleaned);
    }

    /** Fluent construction for importers and tests. */
    public static final class Builder {
        private final String id;
        private final Map<String, String> categorical = new LinkedHashMap<>();
        private final Map<String, Double> numeric = new LinkedHashMap<>();
        private String stage;
        private boolean won;

        private Builder(String id) {
            this.id = id;
        }

        public Builder categorical(String name, String value) {
            categorical.put(name, value);
            return this;
        }

        public Builder numeric(String name, Double value) {
            numeric.put(name, value);
            return this;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder won(boolean won) {
            this.won = won;
            return this;
        }

        public Example build() {
            return new Example(id, categorical, numeric, stage, won);
        }
    }
}
