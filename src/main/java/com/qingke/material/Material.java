package com.qingke.material;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "material")
public class Material extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public MaterialKind kind;
    @Column(nullable = false) public String title;
    public String description;
    @Column(name = "content_url", nullable = false) public String contentUrl;
    @Column(name = "cover_url") public String coverUrl;
    @Column(nullable = false) public boolean active = true;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
}
