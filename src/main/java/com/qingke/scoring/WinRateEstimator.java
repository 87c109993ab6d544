package com.qingke.scoring;

/**
 * Estimates an open opportunity's win rate. The configured stage prior serves until a trained model is plugged in
 * behind this interface (a bean that replaces the default one).
 */
public interface WinRateEstimator {

    WinRateEstimate estimate(OpportunitySnapshot opportunity);
}
