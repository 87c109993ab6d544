package com.qingke.lead;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lead capture: the first, rule-based intent score and the owner notification. */
@ConfigMapping(prefix = "qingke.lead")
public interface LeadConfig {

    InitialScore initialScore();

    /** Whether a new lead's owner gets a WeCom app message. */
    @WithDefault("true")
    boolean notifyOwner();

    /**
     * Points of the first score a lead gets before the full analysis (WF-03) runs, on the 0–100 scale of the rules
     * engine, with its grade thresholds (A ≥ 60, B ≥ 25, else C, as in rules/intent.drl).
     */
    interface InitialScore {
        @WithDefault("40") int webForm();
        @WithDefault("35") int wecom();
        @WithDefault("25") int officialAccount();
        @WithDefault("10") int imported();
        @WithDefault("20") int manual();
        /** The lead came through a known campaign (someone chose to scan or open that campaign's code). */
        @WithDefault("10") int campaignBonus();
        @WithDefault("10") int companyBonus();
        /** The person described a need in their own words. */
        @WithDefault("15") int needBonus();
        @WithDefault("60") int gradeA();
        @WithDefault("25") int gradeB();
    }
}
