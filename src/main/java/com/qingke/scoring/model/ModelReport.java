package com.qingke.scoring.model;

import java.util.List;

/** Renders docs/MODEL.md from evaluation results. */
final class ModelReport {

    private ModelReport() {
    }

    static String render(List<ModelEvaluation.DatasetResult> results, TrainerConfig config, ModelEvaluation.Settings settings, double seconds) {
        return "";
    }
}
