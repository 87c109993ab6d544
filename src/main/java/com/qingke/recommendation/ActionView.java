package com.qingke.recommendation;

import com.qingke.material.Material;
import java.time.Instant;

/** A recommended action as the sidebar and dashboard show it. */
public record ActionView(Long id, Long customerId, Long opportunityId, Long ownerId, String ruleName, ActionKind kind,
                         int priority, String title, String reason, String draftText, MaterialRef material,
                         String taskTitle, Integer taskDueDays, ActionStatus status, String finalText,
                         String dismissReason, Long decidedBy, Instant decidedAt, Instant executedAt,
                         String executionResult, Long taskId, String ruleVersion, Instant createdAt) {

    /** The recommended material, if any. */
    public record MaterialRef(Long id, String kind, String kindLabel, String title) {
    }

    public static ActionView of(RecommendedAction a) {
        MaterialRef material = null;
        if (a.materialId != null) {
            Material m = Material.findById(a.materialId);
            if (m != null) {
                material = new MaterialRef(m.id, m.kind.name(), m.kind.label(), m.title);
            }
        }
        return new ActionView(a.id, a.customerId, a.opportunityId, a.ownerId, a.ruleName, a.kind, a.priority, a.title,
                a.reason, a.draftText, material, a.taskTitle, a.taskDueDays, a.status, a.finalText, a.dismissReason,
                a.decidedBy, a.decidedAt, a.executedAt, a.executionResult, a.taskId, a.ruleVersion, a.createdAt);
    }
}
