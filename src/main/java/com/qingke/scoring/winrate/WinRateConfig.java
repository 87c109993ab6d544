package com.qingke.scoring.winrate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qingke.win-rate")
public interface WinRateConfig {

    /** When the model is retrained from the corp's closed deals (Quartz cron, in qingke.scoring.zone). */
    @WithDefault("0 30 2 * * ?")
    String retrainCron();

    /** Train at start-up when no model snapshot is active yet (demo mode: the demo history is there at once). */
    @WithDefault("false")
    boolean trainOnStart();

    /** Below this many closed deals the model is the configured stage prior (cold start). */
    @WithDefault("15")
    int minClosedDeals();

    /** The k in n/(n+k): how many closed deals it takes for the learned part to weigh as much as the prior. */
    @WithDefault("20")
    double priorStrength();
}
