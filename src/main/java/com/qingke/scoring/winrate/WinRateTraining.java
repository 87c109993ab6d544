package com.qingke.scoring.winrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.opportunity.Stage;
import com.qingke.platform.JobRuns;
import com.qingke.platform.QingkeConfig;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.scoring.ModelSnapshot;
import com.qingke.scoring.ScoringConfig;
import com.qingke.scoring.model.Example;
import com.qingke.scoring.model.ModelCard;
import com.qingke.scoring.model.StagePrior;
import com.qingke.scoring.model.TrainedModel;
import com.qingke.scoring.model.TrainerConfig;
import com.qingke.scoring.model.WinRateTrainer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Retrains the win-rate model from the corp's own won/lost history (WF-06): nightly, on demand, and at start-up in
 * demo mode. Each run stores a model snapshot with its cross-validated quality and makes it the active one; open
 * opportunities are then re-analysed so their stored win rates move to the new model.
 */
@ApplicationScoped
public class WinRateTraining {
    public static final String KIND = "WIN_RATE";
    static final String JOB = "win-rate-training";
    private static final Logger LOG = Logger.getLogger(WinRateTraining.class);

    private final ClosedDeals closedDeals;
    private final TrainedWinRateEstimator estimator;
    private final AnalysisRequests analysis;
    private final JobRuns jobRuns;
    private final QingkeConfig qingke;
    private final ScoringConfig scoring;
    private final WinRateConfig config;
    private final ObjectMapper json;

    WinRateTraining(ClosedDeals closedDeals, TrainedWinRateEstimator estimator, AnalysisRequests analysis, JobRuns jobRuns,
                    QingkeConfig qingke, ScoringConfig scoring, WinRateConfig config, ObjectMapper json) {
        this.closedDeals = closedDeals;
        this.estimator = estimator;
        this.analysis = analysis;
        this.jobRuns = jobRuns;
        this.qingke = qingke;
        this.scoring = scoring;
        this.config = config;
        this.json = json;
    }

    @Scheduled(cron = "${qingke.win-rate.retrain-cron}", timeZone = "${qingke.scoring.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        String corp = qingke.corpId();
        String period = LocalDate.now(ZoneId.of(scoring.zone())).toString();
        jobRuns.runLong(corp, JOB, period, scoring.dailyClaimExpiry(), () -> retrain(corp),
                snapshot -> "snapshot " + snapshot.id);
    }

    /** In the background, so the first start of the demo does not wait for the cross-validation. */
    void onStart(@Observes @Priority(5000) StartupEvent event, ManagedExecutor executor) {
        if (config.trainOnStart()) {
            executor.runAsync(() -> {
                if (activeSnapshot(qingke.corpId()) == null) {
                    retrain(qingke.corpId());
                }
            }).exceptionally(e -> {
                LOG.error("Training the win-rate model at start-up failed; the stage prior serves until the nightly run", e);
                return null;
            });
        }
    }

    /** Trains on every closed deal of the corp, stores and activates the snapshot, and returns it. */
    public ModelSnapshot retrain(String corpId) {
        List<Example> examples = QuarkusTransaction.requiringNew().call(() -> closedDeals.examples(corpId));
        TrainedModel model = WinRateTrainer.train(examples, trainerConfig());
        ModelCard card = model.card();
        ModelSnapshot snapshot = QuarkusTransaction.requiringNew().call(() -> {
            ModelSnapshot.update("active = false where corpId = ?1 and kind = ?2 and active = true", corpId, KIND);
            ModelSnapshot s = new ModelSnapshot();
            s.corpId = corpId;
            s.kind = KIND;
            s.trainingSize = card.trainingSize();
            s.wonCount = card.won();
            s.lostCount = card.lost();
            s.auc = card.cvAuc();
            s.brier = card.cvBrier();
            s.signalFound = card.signalFound();
            s.card = json.convertValue(card, Map.class);
            s.model = model.toJson();
            s.active = true;
            s.persist();
            return s;
        });
        estimator.forget(corpId);
        int queued = reanalyseOpenDeals(corpId);
        LOG.infof("Win-rate model snapshot %d trained on %d closed deals (%s, AUC %s, Brier %s); %d customers queued for re-analysis",
                snapshot.id, card.trainingSize(), card.status(), card.cvAuc(), card.cvBrier(), queued);
        return snapshot;
    }

    public ModelSnapshot activeSnapshot(String corpId) {
        return QuarkusTransaction.requiringNew().call(() -> ModelSnapshot.<ModelSnapshot>find(
                "corpId = ?1 and kind = ?2 and active = true order by id desc", corpId, KIND).firstResult());
    }

    TrainerConfig trainerConfig() {
        ScoringConfig.StagePrior p = scoring.stagePrior();
        return trainerConfig(p.initial(), p.qualified(), p.proposal(), p.negotiation(), config.minClosedDeals(), config.priorStrength());
    }

    /**
     * The trainer settings the app trains with, from its configuration values (the model evaluation passes the
     * shipped defaults: stage prior 0.10 / 0.25 / 0.45 / 0.65, at least 15 closed deals, prior strength 20).
     */
    public static TrainerConfig trainerConfig(double initial, double qualified, double proposal, double negotiation,
                                              int minClosedDeals, double priorStrength) {
        StagePrior configured = StagePrior.configured(Map.of(
                Stage.INITIAL.name(), initial, Stage.QUALIFIED.name(), qualified,
                Stage.PROPOSAL.name(), proposal, Stage.NEGOTIATION.name(), negotiation), initial);
        return TrainerConfig.defaults().toBuilder()
                .stageOrder(DealExamples.STAGE_ORDER)
                .configuredPrior(configured)
                .stageAsFeature(true)
                // linear terms only: quantile bins multiply the columns, which a few hundred deals cannot pay for
                .numericBins(0)
                .minClosedExamples(minClosedDeals)
                .priorStrength(priorStrength)
                .featureLabels(DealExamples.LABELS)
                .build();
    }

    private int reanalyseOpenDeals(String corpId) {
        return QuarkusTransaction.requiringNew().call(() -> analysis.requestForOpenDeals(corpId, "WIN_RATE_MODEL_RETRAINED"));
    }
}
