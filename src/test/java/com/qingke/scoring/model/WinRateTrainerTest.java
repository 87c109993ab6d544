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

    /** 30 deals: referral converts 9 times in 10, everything else 1 in 10, plus a noise field. */
    private static List<Example> smallReferralSample() {
        java.util.Random random = new java.util.Random(21);
        List<Example> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean referral = i % 3 == 0;
            examples.add(Example.builder("s" + i)
                    .categorical("referral", referral ? "yes" : "no")
                    .categorical("region", "r" + random.nextInt(3))
                    .numeric("visits", (double) random.nextInt(10))
                    .won(referral ? i % 10 != 9 : i % 10 == 1)
                    .build());
        }
        return examples;
    }

    @Test
    void belowIndependenceBelowTheIndependenceLearnerFindsAStrongSignalAndExplainsIt() {
        List<Example> train = smallReferralSample();
        TrainerConfig config = CONFIG.toBuilder().independenceBelow(40).build();
        assertTrue(train.size() < config.independenceBelow());
        TrainedModel model = WinRateTrainer.train(train, config);

        assertTrue(model.signalFound(), () -> String.join(" ", model.card().notes()));
        assertEquals(WinRateTrainer.INDEPENDENCE_LEARNER, model.card().learner());
        assertEquals(config.independencePseudoCounts().get(0), model.card().pseudoCount());
        assertEquals(null, model.card().l2());
        assertEquals(30.0 / 50.0, model.modelWeight(), 1e-12, "blended with the prior by n / (n + k)");

        Prediction referred = model.predict(Example.builder("p").categorical("referral", "yes").categorical("region", "r0")
                .numeric("visits", 4.0).build());
        Prediction notReferred = model.predict(Example.builder("q").categorical("referral", "no").categorical("region", "r0")
                .numeric("visits", 4.0).build());
        assertTrue(referred.probability() > notReferred.probability() + 0.2, referred + " / " + notReferred);
        assertEquals("referral", referred.topFactors().get(0).feature(), referred.topFactors().toString());
        assertTrue(referred.topFactors().get(0).contribution() > 0);
        assertTrue(factor(notReferred, "referral").orElseThrow().contribution() < 0);

        TrainedModel reloaded = TrainedModel.fromJson(model.toJson());
        assertEquals(model.toJson(), reloaded.toJson());
        assertEquals(referred, reloaded.predict(Example.builder("p").categorical("referral", "yes").categorical("region", "r0")
                .numeric("visits", 4.0).build()));
    }

    @Test
    void fromIndependenceBelowOnTheJointRidgeFitIsUsed() {
        TrainerConfig config = CONFIG.toBuilder().independenceBelow(40).build();
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.examples(SyntheticDeals.logistic(1500, 1)), config);
        assertTrue(model.signalFound());
        assertEquals(WinRateTrainer.LEARNER, model.card().learner());
        assertEquals(1.0, model.card().l2());
        assertEquals(null, model.card().pseudoCount());

        TrainedModel independenceAlways = WinRateTrainer.train(SyntheticDeals.examples(SyntheticDeals.logistic(600, 6)),
                CONFIG.toBuilder().independenceBelow(Integer.MAX_VALUE).build());
        assertEquals(WinRateTrainer.INDEPENDENCE_LEARNER, independenceAlways.card().learner());
        TrainedModel ridgeByDefault = WinRateTrainer.train(smallReferralSample(), CONFIG);
        assertEquals(0, CONFIG.independenceBelow(), "off by default: it did not beat the ridge fit on the development split");
        assertEquals(WinRateTrainer.LEARNER, ridgeByDefault.card().learner(), "independenceBelow = 0: the ridge fit at any size");
    }

    @Test
    void independenceLearnerSnapshotsRoundTripWithIdenticalPredictionsAndFactors() {
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.examples(SyntheticDeals.logistic(600, 6)),
                CONFIG.toBuilder().independenceBelow(Integer.MAX_VALUE).build());
        assertTrue(model.signalFound());
        TrainedModel reloaded = TrainedModel.fromJson(model.toJson());
        for (SyntheticDeals.Draw draw : SyntheticDeals.logistic(200, 7)) {
            assertEquals(model.predict(draw.example()), reloaded.predict(draw.example()));
        }
    }

    @Test
    void snapshotsWrittenBeforeTheIndependenceLearnerStillLoad() {
        TrainedModel model = WinRateTrainer.train(SyntheticDeals.examples(SyntheticDeals.logistic(600, 6)), CONFIG);
        String json = model.toJson();
        assertTrue(json.contains("\"pseudoCount\""));
        // format 1 as written before the card had a pseudo-count
        String old = json.replaceAll("\\s*\"pseudoCount\"\\s*:\\s*[^,\\n]+,", "");
        assertFalse(old.contains("pseudoCount"));
        TrainedModel reloaded = TrainedModel.fromJson(old);
        assertEquals(null, reloaded.card().pseudoCount());
        for (SyntheticDeals.Draw draw : SyntheticDeals.logistic(50, 7)) {
            assertEquals(model.predict(draw.example()), reloaded.predict(draw.example()));
        }
    }

    private static Optional<Factor> factor(Prediction prediction, String feature) {
        return prediction.topFactors().stream().filter(f -> f.feature().equals(feature)).findFirst();
    }
}
