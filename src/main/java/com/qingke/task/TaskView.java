package com.qingke.task;

import java.time.Instant;

public record TaskView(Long id, Long customerId, Long opportunityId, Long assigneeId, String title, String description,
                       TaskStatus status, CrmTask.Source source, Long actionId, Instant dueAt, Instant completedAt,
                       String outcome, Instant createdAt) {

    public static TaskView of(CrmTask t) {
        return new TaskView(t.id, t.customerId, t.opportunityId, t.assigneeId, t.title, t.description, t.status, t.source,
                t.actionId, t.dueAt, t.completedAt, t.outcome, t.createdAt);
    }
}
