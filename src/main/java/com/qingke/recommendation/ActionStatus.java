package com.qingke.recommendation;

import java.util.EnumSet;
import java.util.Set;

/** The recommended action lifecycle: PROPOSED → CONFIRMED → EXECUTED, or DISMISSED, or SUPERSEDED. */
public enum ActionStatus {
    PROPOSED, CONFIRMED, EXECUTED, DISMISSED, SUPERSEDED;

    public Set<ActionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(CONFIRMED, DISMISSED, SUPERSEDED);
            case CONFIRMED -> EnumSet.of(EXECUTED, DISMISSED);
            case EXECUTED, DISMISSED, SUPERSEDED -> EnumSet.noneOf(ActionStatus.class);
        };
    }

    public boolean canMoveTo(ActionStatus target) {
        return next().contains(target);
    }

    public boolean isOpen() {
        return this == PROPOSED || this == CONFIRMED;
    }
}
