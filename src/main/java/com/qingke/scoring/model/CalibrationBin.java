package com.qingke.scoring.model;

/**
 * One bin of a calibration table: examples grouped by predicted probability, with the mean prediction next to
 * the observed win rate. A calibrated model has {@code meanPredicted ≈ observedRate} in every bin.
 */
public record CalibrationBin(int bin, int count, double minPredicted, double maxPredicted, double meanPredicted, double observedRate) {
}
