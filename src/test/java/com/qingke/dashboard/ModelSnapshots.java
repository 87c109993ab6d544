package com.qingke.dashboard;

import com.qingke.scoring.ModelSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An active win-rate snapshot with a model card shaped like {@link com.qingke.scoring.model.ModelCard}'s JSON. */
final class ModelSnapshots {
    private ModelSnapshots() {
    }

    static long active(String corpId, int won, int lost, double auc, double brier, double[] predicted, double[] observed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ModelSnapshot s = new ModelSnapshot();
            s.corpId = corpId;
            s.kind = "WIN_RATE";
            s.trainingSize = won + lost;
            s.wonCount = won;
            s.lostCount = lost;
            s.auc = auc;
            s.brier = brier;
            s.signalFound = true;
            s.active = true;
            List<Map<String, Object>> bins = new ArrayList<>();
            for (int i = 0; i < predicted.length; i++) {
                Map<String, Object> bin = new LinkedHashMap<>();
                bin.put("bin", i);
                bin.put("count", (won + lost) / predicted.length);
                bin.put("minPredicted", predicted[i] - 0.03);
                bin.put("maxPredicted", predicted[i] + 0.03);
                bin.put("meanPredicted", predicted[i]);
                bin.put("observedRate", observed[i]);
                bins.add(bin);
            }
            s.card = new LinkedHashMap<>(Map.of("status", "BLENDED", "cvCalibration", bins,
                    "notes", List.of("交叉验证（10 折）中模型优于阶段先验")));
            s.persist();
            return s.id;
        });
    }
}
