package com.qingke.timeline;

import com.qingke.platform.JsonMapConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

@Entity
@Table(name = "behaviour_event")
public class BehaviourEvent extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public EventType type;
    @Column(name = "occurred_at", nullable = false) public Instant occurredAt;
    public String source;
    @Column(name = "employee_id") public Long employeeId;
    @Convert(converter = JsonMapConverter.class) public Map<String, Object> metadata = new HashMap<>();
    @Column(name = "idempotency_key") public String idempotencyKey;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();

    /**
     * Stores the event and, when it is the customer's first contact so far, notes that on the customer
     * ({@link FirstContact}). Every writer of events uses this rather than {@code persist()}.
     */
    public void record() {
        persist();
        FirstContact.noteEvent(this);
    }
}
