package com.qingke.scoring.winrate;

import com.qingke.scoring.ModelSnapshot;
import com.qingke.scoring.OpportunitySnapshot;
import com.qingke.scoring.ScoringConfig;
import com.qingke.scoring.StagePriorWinRateEstimator;
import com.qingke.scoring.WinRateEstimate;
import com.qingke.scoring.WinRateEstimator;
import com.qingke.scoring.model.Factor;
import com.qingke.scoring.model.ModelStatus;
import com.qingke.scoring.model.Prediction;
import com.qingke.scoring.model.TrainedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves win rates from the corp's active model snapshot, and from the configured stage prior while there is none
 * (cold start) or for a closed deal. The fitted model is parsed once per snapshot and kept until a retraining.
 */
@ApplicationScoped
public class TrainedWinRateEstimator implements WinRateEstimator {
    private final StagePriorWinRateEstimator prior;
    /** Another instance may retrain: look for a newer active snapshot this often. */
    private static final Duration RECHECK = Duration.ofMinutes(5);
    private final Map<String, Loaded> active = new ConcurrentHashMap<>();

    TrainedWinRateEstimator(ScoringConfig config) {
        this.prior = new StagePriorWinRateEstimator(config);
    }

    record ActiveModel(long snapshotId, TrainedModel model) {
    }

    private record Loaded(Optional<ActiveModel> model, Instant at) {
    }

    @Override
    public WinRateEstimate estimate(OpportunitySnapshot s) {
        if (s.stage().isClosed()) {
            return prior.estimate(s);
        }
        Optional<ActiveModel> model = active.compute(s.corpId(), (corp, loaded) ->
                loaded == null || loaded.at().isBefore(Instant.now().minus(RECHECK)) ? new Loaded(load(corp), Instant.now()) : loaded).model();
        if (model.isEmpty()) {
            return prior.estimate(s);
        }
        String id = s.opportunityId() == null ? "hypothetical" : "opp-" + s.opportunityId();
        Prediction p = model.get().model().predict(DealExamples.of(id, s.stage(), s, false));
        return new WinRateEstimate(p.probability(), explain(p, model.get().model()), model.get().snapshotId());
    }

    /** Called after a retraining so the next estimate uses the new snapshot. */
    public void forget(String corpId) {
        active.remove(corpId);
    }

    private static Optional<ActiveModel> load(String corpId) {
        ModelSnapshot snapshot = ModelSnapshot.find("corpId = ?1 and kind = ?2 and active = true order by id desc",
                corpId, WinRateTraining.KIND).firstResult();
        if (snapshot == null || snapshot.model == null) {
            return Optional.empty();
        }
        return Optional.of(new ActiveModel(snapshot.id, TrainedModel.fromJson(snapshot.model)));
    }

    static List<String> explain(Prediction p, TrainedModel model) {
        List<String> why = new ArrayList<>();
        int n = model.card().trainingSize();
        if (p.basis() == ModelStatus.BLENDED) {
            why.add("模型预测赢率 " + percent(p.probability()) + "（学习了 " + n + " 个已结束商机，阶段基准 "
                    + percent(p.priorProbability()) + "）");
            for (Factor f : p.topFactors()) {
                why.add((f.contribution() >= 0 ? "↑ " : "↓ ") + f.label());
            }
        } else if (p.basis() == ModelStatus.NO_SIGNAL) {
            why.add("历史 " + n + " 个已结束商机中未发现可靠规律，采用阶段基准赢率 " + percent(p.probability()));
        } else {
            why.add("已结束商机不足（" + n + " 个），采用阶段默认赢率 " + percent(p.probability()));
        }
        return why;
    }

    private static String percent(double p) {
        return Math.round(p * 100) + "%";
    }
}
