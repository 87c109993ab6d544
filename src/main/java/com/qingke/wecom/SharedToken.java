package com.qingke.wecom;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An access token or jsapi ticket shared by every app instance, with a lock so only one of them refreshes it. */
@Entity
@Table(name = "shared_token")
public class SharedToken extends PanacheEntityBase {
    @Id @Column(name = "token_key") public String key;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "token_value") public String value;
    @Column(name = "expires_at") public Instant expiresAt;
    @Column(name = "locked_until") public Instant lockedUntil;
    @Column(name = "updated_at", nullable = false) public Instant updatedAt = Instant.now();
}
