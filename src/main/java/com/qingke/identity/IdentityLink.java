package com.qingke.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "identity_link")
public class IdentityLink extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public IdentityKind kind;
    @Column(name = "link_value", nullable = false) public String value;
    public String source;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
}
