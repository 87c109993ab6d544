package com.qingke.sidebar;

import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import java.time.Instant;

/**
 * An open recommended action on the sidebar (spec CP-04/OP-03): what to do, why, and the draft to confirm or edit.
 *
 * @param material the material a MESSAGE action sends as a news card (a tracked link is made on confirmation)
 */
public record SidebarAction(Long id, Long opportunityId, ActionKind kind, int priority, String title, String reason,
                            String draftText, Material material, String taskTitle, Integer taskDueDays, ActionStatus status,
                            String finalText, Instant createdAt) {

    public record Material(Long id, String kind, String kindLabel, String title, String description, String coverUrl) {
    }
}
