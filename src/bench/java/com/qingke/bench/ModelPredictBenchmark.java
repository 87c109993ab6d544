package com.qingke.bench;

import com.qingke.opportunity.DecisionChainStatus;
import com.qingke.opportunity.Stage;
import com.qingke.scoring.OpportunitySnapshot;
import com.qingke.scoring.model.Example;
import com.qingke.scoring.model.Prediction;
import com.qingke.scoring.model.TrainedModel;
import com.qingke.scoring.model.TrainerConfig;
import com.qingke.scoring.model.WinRateTrainer;
import com.qingke.scoring.winrate.DealExamples;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The win-rate part of one analysis, in process: a model trained once on 400 closed deals with the app's features
 * (DealExamples) and trainer settings, reloaded from its JSON snapshot as the app serves it, then
 * {@code predict} of one open deal (encoding, score, calibration, prior blend and the top factors it explains itself
 * with) — and the snapshot to example step the app runs before it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xmx1g"})
public class ModelPredictBenchmark {
    private TrainedModel model;
    private OpportunitySnapshot open;

    /** Held strongly: java.util.logging forgets a level set on a logger nothing references. */
    static final java.util.logging.Logger ROOT_LOG = java.util.logging.Logger.getLogger("");

    @Setup
    public void setUp() {
        // Without Quarkus nothing configures logging in the fork, and Drools would format its TRACE messages for a
        // handler that buffers everything; the app logs at INFO.
        ROOT_LOG.setLevel(java.util.logging.Level.INFO);
        Random random = new Random(7);
        List<Example> closed = new ArrayList<>();
        Stage[] stages = {Stage.INITIAL, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION};
        for (int i = 0; i < 400; i++) {
            Stage stage = stages[random.nextInt(stages.length)];
            boolean dm = random.nextDouble() < 0.2 + 0.15 * stage.ordinal();
            int views = stage.ordinal() >= 2 ? random.nextInt(6) : 0;
            int silence = random.nextInt(40);
            double logit = -1.3 + 1.4 * (dm ? 1 : 0) + 0.8 * Math.log1p(views) - 1.5 * silence / 30.0 + 0.8 * (stage.ordinal() - 2);
            boolean won = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            closed.add(DealExamples.of("d" + i, stage, snapshot(stage, dm, views, silence, random), won));
        }
        TrainerConfig config = TrainerConfig.defaults().toBuilder().stageOrder(DealExamples.STAGE_ORDER).numericBins(0)
                .featureLabels(DealExamples.LABELS).build();
        model = TrainedModel.fromJson(WinRateTrainer.train(closed, config).toJson());
        if (!model.signalFound()) {
            throw new IllegalStateException("the benchmark model should have found the planted signal");
        }
        open = snapshot(Stage.PROPOSAL, true, 3, 2, new Random(1));
    }

    private static OpportunitySnapshot snapshot(Stage stage, boolean dm, int views, int silence, Random random) {
        return new OpportunitySnapshot(1L, "ww-bench", stage, new BigDecimal(60_000 + random.nextInt(400_000)),
                random.nextBoolean() ? "WECOM_QR" : "WEB_FORM", 30 + random.nextInt(60), random.nextInt(30), 3 + random.nextInt(8),
                dm ? DecisionChainStatus.DECISION_MAKER_REACHED : DecisionChainStatus.PARTIAL, dm, 3, dm ? 2 : 1,
                Math.min(views, 3), random.nextInt(3), random.nextInt(2), random.nextInt(5), views, silence);
    }

    @Benchmark
    public Prediction predict() {
        return model.predict(DealExamples.of("opp-1", open.stage(), open, false));
    }
}
