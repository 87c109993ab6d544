package com.qingke.recommendation.facts;

import java.time.Instant;

/** One recent behaviour event of the customer, as much of it as the rules need. */
public final class ActivityEvent {
    private final String type;
    private final Instant occurredAt;
    private final Long materialId;

    public ActivityEvent(String type, Instant occurredAt, Long materialId) {
        this.type = type;
        this.occurredAt = occurredAt;
        this.materialId = materialId;
    }

    public ActivityEvent(String type, Instant occurredAt) {
        this(type, occurredAt, null);
    }

    public String getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getMaterialId() {
        return materialId;
    }
}
