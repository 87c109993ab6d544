package com.qingke.material;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** A per-customer, per-send link to a material; opening it is a behaviour event. */
@Entity
@Table(name = "tracked_link")
public class TrackedLink extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(nullable = false, unique = true) public String token;
    @Column(name = "material_id", nullable = false) public Long materialId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Column(name = "sent_by") public Long sentBy;
    @Column(name = "action_id") public Long actionId;
    @Column(name = "open_count", nullable = false) public int openCount;
    @Column(name = "last_opened_at") public Instant lastOpenedAt;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
}
