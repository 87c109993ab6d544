package com.qingke.opportunity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** A person in the buyer's decision chain (spec OP-02). */
@Entity
@Table(name = "decision_contact")
public class DecisionContact extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "opportunity_id", nullable = false) public Long opportunityId;
    @Column(nullable = false) public String name;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public DecisionRole role;
    public String title;
    @Column(nullable = false) public boolean reached;
    @Column(name = "reached_at") public Instant reachedAt;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
}
