package com.qingke.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** An inbound callback, stored durably before it is acknowledged and processed later (at most once per dedupe key). */
@Entity
@Table(name = "inbox_message")
public class InboxMessage extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public InboxSource source;
    @Column(name = "dedupe_key", nullable = false) public String dedupeKey;
    @Column(name = "message_type") public String messageType;
    @Column(nullable = false) public String payload;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public InboxStatus status = InboxStatus.PENDING;
    @Column(nullable = false) public int attempts;
    @Column(name = "next_attempt_at", nullable = false) public Instant nextAttemptAt = Instant.now();
    @Column(name = "last_error") public String lastError;
    @Column(name = "received_at", nullable = false) public Instant receivedAt = Instant.now();
    @Column(name = "processed_at") public Instant processedAt;
}
