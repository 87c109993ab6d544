package com.qingke.recommendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** An action proposed by a rule (WF-04) that only a rep's confirmation moves towards the customer (WF-05). */
@Entity
@Table(name = "recommended_action")
public class RecommendedAction extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Column(name = "opportunity_id") public Long opportunityId;
    @Column(name = "owner_id") public Long ownerId;
    @Column(name = "rule_name", nullable = false) public String ruleName;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public ActionKind kind;
    @Column(nullable = false) public int priority;
    @Column(nullable = false) public String title;
    public String reason;
    @Column(name = "draft_text") public String draftText;
    @Column(name = "material_id") public Long materialId;
    @Column(name = "task_title") public String taskTitle;
    @Column(name = "task_due_days") public Integer taskDueDays;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public ActionStatus status = ActionStatus.PROPOSED;
    /** "customerId:ruleName" while open, null once closed: the unique index keeps one open action per rule and customer. */
    @Column(name = "open_key") public String openKey;
    @Column(name = "final_text") public String finalText;
    @Column(name = "dismiss_reason") public String dismissReason;
    @Column(name = "decided_by") public Long decidedBy;
    @Column(name = "decided_at") public Instant decidedAt;
    @Column(name = "executed_at") public Instant executedAt;
    @Column(name = "execution_result") public String executionResult;
    @Column(name = "task_id") public Long taskId;
    @Column(name = "rule_version") public String ruleVersion;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
    @Version public long version;

    public static String openKey(Long customerId, String ruleName) {
        return customerId + ":" + ruleName;
    }
}
