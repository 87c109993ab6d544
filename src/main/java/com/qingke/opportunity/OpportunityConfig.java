package com.qingke.opportunity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "qingke.opportunity")
public interface OpportunityConfig {

    /** Roles every buying committee should have reached before a deal is safe; a missing one is a gap (OP-02). */
    @WithDefault("DECISION_MAKER,PURCHASER,TECHNICAL")
    List<DecisionRole> keyRoles();
}
