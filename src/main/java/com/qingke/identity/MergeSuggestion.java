package com.qingke.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** An ambiguous match (e.g. a phone shared by several customers) for a rep to accept or reject. */
@Entity
@Table(name = "merge_suggestion")
public class MergeSuggestion extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Column(name = "candidate_id", nullable = false) public Long candidateId;
    @Enumerated(EnumType.STRING) @Column(name = "match_kind", nullable = false) public IdentityKind matchKind;
    @Column(name = "match_value") public String matchValue;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public Status status = Status.OPEN;
    @Column(name = "decided_by") public String decidedBy;
    @Column(name = "decided_at") public Instant decidedAt;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();

    public enum Status { OPEN, ACCEPTED, REJECTED }
}
