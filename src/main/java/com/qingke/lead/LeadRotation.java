package com.qingke.lead;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** A rep's place in the round-robin of new leads: the rep whose last turn is oldest gets the next lead. */
@Entity
@Table(name = "lead_rotation")
public class LeadRotation extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "employee_id", nullable = false) public Long employeeId;
    /** Increasing turn number of the last lead this rep got by rotation; 0 = never. */
    @Column(name = "last_turn", nullable = false) public long lastTurn;
    @Column(name = "assigned_count", nullable = false) public long assignedCount;
    @Column(name = "last_assigned_at") public Instant lastAssignedAt;
}
