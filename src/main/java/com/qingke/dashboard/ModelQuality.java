package com.qingke.dashboard;

import java.util.List;

/**
 * The win-rate model snapshot in use (the active WIN_RATE row of model_snapshot) and its held-out quality: sample
 * size, ROC AUC, Brier score and the calibration table by decile from its model card.
 */
public record ModelQuality(boolean present, Long snapshotId, String trainedAt, int trainingSize, int won, int lost,
                           Double auc, Double brier, boolean signalFound, String status, List<CalibrationPoint> calibration,
                           List<String> notes) {

    public static ModelQuality none() {
        return new ModelQuality(false, null, "", 0, 0, 0, null, null, false, "", List.of(), List.of());
    }

    /** One decile: mean predicted win rate next to the observed share of wins. */
    public record CalibrationPoint(int bin, int count, double meanPredicted, double observedRate) {
        public String meanPredictedText() {
            return Fmt.pct(meanPredicted);
        }

        public String observedRateText() {
            return Fmt.pct(observedRate);
        }
    }

    public String aucText() {
        return auc == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f", auc);
    }

    public String brierText() {
        return brier == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f", brier);
    }

    public String statusText() {
        return switch (status) {
            case "COLD_START" -> "冷启动（样本不足，仅用阶段先验）";
            case "NO_SIGNAL" -> "未发现信号（使用阶段先验）";
            case "BLENDED" -> "已学习（模型与阶段先验融合）";
            default -> status;
        };
    }
}
