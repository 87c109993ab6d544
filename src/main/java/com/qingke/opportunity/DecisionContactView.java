package com.qingke.opportunity;

import java.time.Instant;

public record DecisionContactView(Long id, String name, DecisionRole role, String roleLabel, String title, boolean reached,
                                  Instant reachedAt) {

    static DecisionContactView of(DecisionContact d) {
        return new DecisionContactView(d.id, d.name, d.role, d.role.label(), d.title, d.reached, d.reachedAt);
    }
}
