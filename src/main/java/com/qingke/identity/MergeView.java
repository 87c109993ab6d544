package com.qingke.identity;

import java.time.Instant;

/** One merge of a customer's history, for managers to review or undo. */
public record MergeView(Long id, Long survivorId, Long mergedId, String reason, String mergedBy, Instant mergedAt,
                        String undoneBy, Instant undoneAt, int eventsMoved, int opportunitiesMoved, int linksMoved) {

    static MergeView of(MergeRecord r) {
        return new MergeView(r.id, r.survivorId, r.mergedId, r.reason, r.mergedBy, r.mergedAt, r.undoneBy, r.undoneAt,
                CustomerMerger.ids(r.moved.get("events")).size(), CustomerMerger.ids(r.moved.get("opportunities")).size(),
                CustomerMerger.ids(r.moved.get("links")).size());
    }
}
