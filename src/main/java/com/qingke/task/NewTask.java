package com.qingke.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A follow-up task a rep creates by hand. */
public record NewTask(
        @NotBlank(message = "请填写任务标题") @Size(max = 255, message = "标题不超过255个字") String title,
        @Size(max = 1024, message = "描述不超过1024个字") String description,
        Instant dueAt,
        Long opportunityId,
        Long assigneeId) {
}
