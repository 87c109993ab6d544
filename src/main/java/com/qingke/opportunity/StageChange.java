package com.qingke.opportunity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** One row of an opportunity's stage history. */
@Entity
@Table(name = "opportunity_stage_history")
public class StageChange extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "opportunity_id", nullable = false) public Long opportunityId;
    @Enumerated(EnumType.STRING) @Column(name = "from_stage") public Stage fromStage;
    @Enumerated(EnumType.STRING) @Column(name = "to_stage", nullable = false) public Stage toStage;
    @Column(name = "changed_by") public String changedBy;
    @Column(name = "changed_at", nullable = false) public Instant changedAt = Instant.now();
}
