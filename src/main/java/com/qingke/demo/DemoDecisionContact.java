package com.qingke.demo;

import com.qingke.opportunity.DecisionRole;
import java.time.Instant;

/** A person in the buyer's decision chain; {@code reachedAt} is set exactly when {@code reached}. */
public record DemoDecisionContact(String name, DecisionRole role, String title, boolean reached, Instant reachedAt,
                                  Instant createdAt) {
}
