package com.qingke.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** One line of the audit log: who did what to which record, and what was sent. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(nullable = false) public String actor;
    @Column(nullable = false) public String action;
    @Column(name = "entity_type", nullable = false) public String entityType;
    @Column(name = "entity_id") public Long entityId;
    @Convert(converter = JsonMapConverter.class) public Map<String, Object> detail = new HashMap<>();
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
}
