package com.qingke.demo;

import com.qingke.task.TaskStatus;
import java.time.Instant;

/**
 * A rep's follow-up task. {@code opportunityKey} names the customer's opportunity it belongs to, or is null.
 * Open tasks with {@code dueAt} before now are overdue; done tasks are on time when {@code completedAt ≤ dueAt}.
 */
public record DemoTask(String title, String description, TaskStatus status, String assigneeUserId,
                       String opportunityKey, Instant dueAt, Instant completedAt, String outcome, Instant createdAt) {

    public boolean overdueAt(Instant now) {
        return status == TaskStatus.OPEN && dueAt != null && dueAt.isBefore(now);
    }

    public boolean doneLate() {
        return status == TaskStatus.DONE && completedAt.isAfter(dueAt);
    }
}
