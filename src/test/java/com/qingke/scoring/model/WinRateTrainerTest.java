package com.qingke.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinRateTrainerTest {

    private static final TrainerConfig CONFIG = TrainerConfig.defaults();

    @Test
    void recoversAPlantedLogisticSignal() {
        List<SyntheticDeals.Draw> train = SyntheticDeals.logistic(1500, 1);
        List<SyntheticDeals.Draw> test = SyntheticDeals.logistic(3000, 2);
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.examples(train), CONFIG);

        assertTrue(model.signalFound(), () -> String.join(" ", model.card().notes()));
        assertEquals(ModelStatus.BLENDED, model.status());

        double[] predicted = new double[test.size()];
        double[] truth = new double[test.size()];
        double[] prior = new double[test.size()];
        boolean[] won = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            Prediction prediction = model.predict(test.get(i).example());
            predicted[i] = prediction.probability();
            prior[i] = prediction.priorProbability();
            truth[i] = test.get(i).trueProbability();
            won[i] = test.get(i).example().won();
        }
        double bestPossibleAuc = Metrics.auc(truth, won);
        assertTrue(Metrics.auc(predicted, won) > bestPossibleAuc - 0.02,
                "AUC " + Metrics.auc(predicted, won) + " vs ground truth " + bestPossibleAuc);
        assertTrue(Metrics.brier(predicted, won) < Metrics.brier(prior, won) - 0.03,
                "Brier " + Metrics.brier(predicted, won) + " vs prior " + Metrics.brier(prior, won));
        assertTrue(Metrics.brier(predicted, won) < Metrics.brier(truth, won) + 0.01, "close to the best achievable Brier");
        // calibrated: no decile is far from its observed rate
        for (CalibrationBin bin : Metrics.calibrationByDecile(predicted, won)) {
            assertTrue(Math.abs(bin.meanPredicted() - bin.observedRate()) < 0.08, "decile off: " + bin);
        }
    }

    @Test
    void pureNoiseFallsBackToThePriorAndSaysSo() {
        List<Example> train = SyntheticDeals.noise(400, 0.35, 3);
        TrainedModel model = WinRateTrainer.train(train, CONFIG);

        assertFalse(model.signalFound());
        assertEquals(ModelStatus.NO_SIGNAL, model.status());
        assertFalse(model.card().signalFound());
        assertTrue(model.card().notes().get(0).startsWith("No signal found"), model.card().notes().get(0));
        StagePrior expectedPrior = StagePrior.estimate(train, List.of(), CONFIG.stageAlpha());
        for (Example example : SyntheticDeals.noise(50, 0.35, 4)) {
            Prediction prediction = model.predict(example);
            assertEquals(expectedPrior.baseRate(), prediction.probability(), 0);
            assertEquals(prediction.priorProbability(), prediction.probability(), 0);
            assertEquals(0, prediction.modelWeight(), 0);
            assertTrue(prediction.topFactors().isEmpty());
        }
    }

    @Test
    void coldStartWithFiveDealsIsThePrior() {
        List<Example> closed = List.of(
                Example.builder("1").stage("报价").numeric("visits", 3.0).won(true).build(),
                Example.builder("2").stage("报价").numeric("visits", 1.0).won(false).build(),
                Example.builder("3").stage("初步接触").numeric("visits", 0.0).won(false).build(),
                Example.builder("4").stage("报价").numeric("visits", 5.0).won(true).build(),
                Example.builder("5").stage("初步接触").numeric("visits", 2.0).won(false).build());
        TrainerConfig config = CONFIG.toBuilder().stageOrder(List.of("初步接触", "报价")).build();
        TrainedModel model = WinRateTrainer.train(closed, config);

        assertEquals(ModelStatus.COLD_START, model.status());
        assertFalse(model.signalFound());
        assertTrue(model.card().notes().get(0).startsWith("Cold start"));
        Prediction prediction = model.predict(Example.builder("new").stage("报价").numeric("visits", 9.0).build());
        // 3 closed deals reached 报价, 2 won: (2 + 1) / (3 + 2)
        assertEquals(3.0 / 5.0, prediction.probability(), 1e-12);
        assertEquals(ModelStatus.COLD_START, prediction.basis());
    }

    @Test
    void configuredStagePriorIsUsedInsteadOfTheEstimate() {
        StagePrior own = StagePrior.configured(java.util.Map.of("方案报价", 0.4, "赢单谈判", 0.8), 0.1);
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.noise(3, 0.5, 13), CONFIG.toBuilder().configuredPrior(own).build());
        assertEquals(0.8, model.predict(Example.builder("a").stage("赢单谈判").build()).probability(), 0);
        assertEquals(0.1, model.predict(Example.builder("b").stage("未知").build()).probability(), 0);
        assertEquals(own, TrainedModel.fromJson(model.toJson()).prior());
    }

    @Test
    void oneOutcomeOnlyIsAColdStartEvenWithManyDeals() {
        List<Example> allWon = SyntheticDeals.noise(100, 1.0, 5);
        TrainedModel model = WinRateTrainer.train(allWon, CONFIG);
        assertEquals(ModelStatus.COLD_START, model.status());
    }

    @Test
    void jsonRoundTripGivesIdenticalPredictionsAndFactors() {
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.examples(SyntheticDeals.logistic(600, 6)), CONFIG);
        assertTrue(model.signalFound());
        String json = model.toJson();
        TrainedModel reloaded = TrainedModel.fromJson(json);

        assertEquals(json, reloaded.toJson());
        for (SyntheticDeals.Draw draw : SyntheticDeals.logistic(200, 7)) {
            Prediction original = model.predict(draw.example());
            Prediction restored = reloaded.predict(draw.example());
            assertEquals(original, restored);
        }
        // the prior-only snapshot survives too
        TrainedModel cold = WinRateTrainer.train(SyntheticDeals.noise(5, 0.5, 8), CONFIG);
        Example probe = SyntheticDeals.noise(1, 0.5, 9).get(0);
        assertEquals(cold.predict(probe), TrainedModel.fromJson(cold.toJson()).predict(probe));
    }

    @Test
    void topFactorsCarryThePlantedSigns() {
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.examples(SyntheticDeals.logistic(1500, 10)), CONFIG);
        Example referredAndBusy = Example.builder("up")
                .numeric("meetings", 2.0).numeric("days_silent", -1.5)
                .categorical("referral", "yes").categorical("channel", "wecom").categorical("region", "north").build();
        Example coldAndSilent = Example.builder("down")
                .numeric("meetings", -2.0).numeric("days_silent", 2.0)
                .categorical("referral", "no").categorical("channel", "ads").categorical("region", "north").build();

        Prediction up = model.predict(referredAndBusy);
        Prediction down = model.predict(coldAndSilent);
        assertTrue(up.probability() > 0.8 && down.probability() < 0.2, up.probability() + " / " + down.probability());
        assertTrue(factor(up, "meetings").orElseThrow().contribution() > 0);
        assertTrue(factor(up, "days_silent").orElseThrow().contribution() > 0);
        assertTrue(factor(up, "referral").orElseThrow().contribution() > 0);
        assertTrue(factor(down, "meetings").orElseThrow().contribution() < 0);
        assertTrue(factor(down, "days_silent").orElseThrow().contribution() < 0);
        assertEquals("meetings", up.topFactors().get(0).feature(), "strongest planted effect first: " + up.topFactors());
        assertEquals("referral = yes", factor(up, "referral").orElseThrow().label());
    }

    @Test
    void featureLabelsAreUsedInFactorText() {
        TrainerConfig config = CONFIG.toBuilder().featureLabels(java.util.Map.of("referral", "转介绍")).build();
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.examples(SyntheticDeals.logistic(800, 11)), config);
        Example example = SyntheticDeals.logistic(1, 12).get(0).example();
        assertTrue(model.predict(example).topFactors().stream().anyMatch(f -> f.label().startsWith("转介绍 = ")),
                model.predict(example).topFactors().toString());
    }

    private static Optional<Factor> factor(Prediction prediction, String feature) {
        return prediction.topFactors().stream().filter(f -> f.feature().equals(feature)).findFirst();
    }
}
