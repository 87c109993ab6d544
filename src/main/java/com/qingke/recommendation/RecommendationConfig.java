package com.qingke.recommendation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Recommended action lifecycle settings (WF-04, WF-05). */
@ConfigMapping(prefix = "qingke.recommendation")
public interface RecommendationConfig {

    /**
     * After a rep dismissed or executed a rule's action for a customer, the same rule does not propose again for that
     * customer for this many days, so a still-silent customer does not get the same suggestion every day.
     */
    @WithDefault("7")
    int repeatAfterDays();

    /** The most open actions the team list returns. */
    @WithDefault("200")
    int listLimit();
}
