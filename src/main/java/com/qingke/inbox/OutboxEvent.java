package com.qingke.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** Internal work written in the same transaction as the change that caused it (e.g. "analyse customer 42"). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(nullable = false) public String topic;
    @Column(name = "aggregate_id", nullable = false) public Long aggregateId;
    public String payload;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public InboxStatus status = InboxStatus.PENDING;
    @Column(nullable = false) public int attempts;
    @Column(name = "next_attempt_at", nullable = false) public Instant nextAttemptAt = Instant.now();
    @Column(name = "last_error") public String lastError;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
    @Column(name = "processed_at") public Instant processedAt;
}
