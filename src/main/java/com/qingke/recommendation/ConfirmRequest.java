package com.qingke.recommendation;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A rep's confirmation, optionally with edits: the message text (MESSAGE), or the task's title and due time (TASK).
 */
public record ConfirmRequest(
        @Size(max = 2000, message = "消息不超过2000个字") String text,
        @Size(max = 255, message = "任务标题不超过255个字") String taskTitle,
        Instant dueAt) {

    public static ConfirmRequest empty() {
        return new ConfirmRequest(null, null, null);
    }
}
