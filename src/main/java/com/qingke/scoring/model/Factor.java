package com.qingke.scoring.model;

/**
 * One reason behind a prediction.
 *
 * @param feature      the feature name, e.g. {@code "Lead Source"}
 * @param label        human-readable text with the deal's value, e.g. {@code "来源 = 转介绍"}
 * @param contribution signed change of the learned part's calibrated log-odds compared with an average training
 *                     deal: positive pushes the win probability up, negative pushes it down
 */
public record Factor(String feature, String label, double contribution) {
}
