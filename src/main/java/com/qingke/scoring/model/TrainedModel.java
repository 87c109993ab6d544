package com.qingke.scoring.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trained win-rate model, complete enough to predict after a JSON round trip: prior, feature encoding
 * (levels, standardisation statistics), learned weights, calibration and blend weight. The app stores
 * {@link #toJson()} in a database row and reloads it with {@link #fromJson(String)} instead of retraining.
 *
 * @param formatVersion  snapshot format, bumped when fields change meaning
 * @param status         whether predictions come from the prior or the blended model
 * @param prior          the stage / base-rate prior
 * @param encoding       feature encoding (null unless status is BLENDED)
 * @param coefficients   learned log-odds weights (null unless status is BLENDED)
 * @param calibration    Platt scaling of the learned score (null unless status is BLENDED)
 * @param modelWeight    blend weight of the learned part
 * @param topFactorCount how many factors a prediction lists
 * @param featureLabels  display labels per feature name
 * @param card           training summary and metrics
 */
public record TrainedModel(
        int formatVersion,
        ModelStatus status,
        StagePrior prior,
        FeatureEncoding encoding,
        LogisticCoefficients coefficients,
        PlattScaling calibration,
        double modelWeight,
        int topFactorCount,
        Map<String, String> featureLabels,
        ModelCard card) implements WinRateModel {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public TrainedModel {
        featureLabels = featureLabels == null ? Map.of() : Map.copyOf(featureLabels);
        if (status == ModelStatus.BLENDED && (encoding == null || coefficients == null || calibration == null)) {
            throw new IllegalArgumentException("a blended model needs its encoding, coefficients and calibration");
        }
    }

    /** Whether the learned part is used, i.e. cross-validation found signal beyond the prior. */
    public boolean signalFound() {
        return status == ModelStatus.BLENDED;
    }

    @Override
    public Prediction predict(Example example) {
        double priorProbability = prior.probability(example);
        if (status != ModelStatus.BLENDED) {
            return new Prediction(priorProbability, priorProbability, 0, status, List.of());
        }
        double[] row = encoding.encode(example);
        double learned = calibration.apply(coefficients.score(row));
        double probability = modelWeight * learned + (1 - modelWeight) * priorProbability;
        return new Prediction(probability, priorProbability, modelWeight, status, topFactors(example, row));
    }

    /**
     * Contribution of each feature = calibrated slope × Σ over its columns of weight × (value − training mean), i.e.
     * how far this deal's value moves the learned log-odds away from an average training deal. Grouping the
     * one-hot columns per feature keeps the explanation in the user's terms ("source = referral"), not columns.
     */
    private List<Factor> topFactors(Example example, double[] row) {
        List<String> columnFeatures = encoding.columnFeatures();
        Map<String, Double> byFeature = new LinkedHashMap<>();
        for (int j = 0; j < row.length; j++) {
            double contribution = calibration.slope() * coefficients.weights().get(j) * (row[j] - encoding.columnMeans().get(j));
            byFeature.merge(columnFeatures.get(j), contribution, Double::sum);
        }
        List<Factor> factors = new ArrayList<>();
        byFeature.forEach((feature, contribution) -> {
            if (contribution != 0) {
                factors.add(new Factor(feature, describe(feature, example), contribution));
            }
        });
        factors.sort(Comparator.comparingDouble((Factor f) -> -Math.abs(f.contribution())).thenComparing(Factor::feature));
        return factors.subList(0, Math.min(topFactorCount, factors.size()));
    }

    private String describe(String feature, Example example) {
        boolean isStage = FeatureEncoding.STAGE_FIELD.equals(feature);
        String name = featureLabels.getOrDefault(feature, isStage ? "stage" : feature);
        String value;
        if (isStage) {
            value = example.stage();
        } else if (example.categorical().containsKey(feature)) {
            value = example.categorical().get(feature);
        } else if (example.numeric().containsKey(feature)) {
            double number = example.numeric().get(feature);
            value = number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString((long) number)
                    : String.format(Locale.ROOT, "%.2f", number);
        } else {
            value = null;
        }
        return name + " = " + (value == null ? "(missing)" : value);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model snapshot could not be written as JSON", e);
        }
    }

    public static TrainedModel fromJson(String json) {
        try {
            TrainedModel model = JSON.readValue(json, TrainedModel.class);
            if (model.formatVersion() > FORMAT_VERSION) {
                throw new IllegalArgumentException("model snapshot format " + model.formatVersion()
                        + " is newer than this code understands (" + FORMAT_VERSION + ")");
            }
            return model;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a model snapshot: " + e.getOriginalMessage(), e);
        }
    }
}
