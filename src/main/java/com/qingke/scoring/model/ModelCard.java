package com.qingke.scoring.model;

import java.util.List;

/**
 * What a trained model is and how well it did, stored with the snapshot and shown on the model page.
 * Cross-validation figures are out-of-fold on the training set (null at cold start, where nothing was fitted).
 *
 * @param trainingSize   closed examples used
 * @param won            won examples among them
 * @param lost           lost examples among them
 * @param status         cold start, no signal or blended
 * @param signalFound    whether the learned part beat the prior in cross-validation (and is therefore used)
 * @param modelWeight    blend weight n / (n + k) of the learned part (0 unless signalFound)
 * @param l2             L2 penalty chosen by cross-validation (null unless the joint ridge fit was chosen)
 * @param pseudoCount    pseudo-count of the independence learner (null unless it was chosen; absent in snapshots
 *                       written before it existed, which read as null)
 * @param featureColumns encoded columns the learned part used
 * @param cvAuc          out-of-fold ROC AUC of the blended model
 * @param cvBrier        out-of-fold Brier score of the blended model
 * @param priorCvAuc     out-of-fold ROC AUC of the prior
 * @param priorCvBrier   out-of-fold Brier score of the prior
 * @param brierGainZ     Brier improvement over the prior in standard errors of the paired difference (evidence strength)
 * @param cvCalibration  out-of-fold calibration of the blended model by decile
 * @param learner        the learning algorithm and library
 * @param notes          plain-language remarks, including the reason for a fallback to the prior
 */
public record ModelCard(
        int trainingSize,
        int won,
        int lost,
        ModelStatus status,
        boolean signalFound,
        double modelWeight,
        Double l2,
        Double pseudoCount,
        int featureColumns,
        Double cvAuc,
        Double cvBrier,
        Double priorCvAuc,
        Double priorCvBrier,
        Double brierGainZ,
        List<CalibrationBin> cvCalibration,
        String learner,
        List<String> notes) {

    public ModelCard {
        cvCalibration = cvCalibration == null ? List.of() : List.copyOf(cvCalibration);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
