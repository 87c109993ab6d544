package com.qingke.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** A follow-up task for a rep, created by hand or from a confirmed recommended action. */
@Entity
@Table(name = "task")
public class CrmTask extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Column(name = "opportunity_id") public Long opportunityId;
    @Column(name = "assignee_id") public Long assigneeId;
    @Column(nullable = false) public String title;
    public String description;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public TaskStatus status = TaskStatus.OPEN;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public Source source = Source.MANUAL;
    @Column(name = "action_id") public Long actionId;
    @Column(name = "due_at") public Instant dueAt;
    @Column(name = "completed_at") public Instant completedAt;
    public String outcome;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();

    public enum Source { MANUAL, ACTION }
}
