package com.qingke.campaign;

import com.qingke.customer.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.Optional;

/** A lead channel: an official-account parametric QR, a WeCom channel QR (渠道活码), a web form link or an import. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    /** scene_str of an OA QR, state of a WeCom contact way, channel parameter of a form (≤ 30 chars). */
    @Column(nullable = false) public String code;
    @Column(nullable = false) public String name;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public Channel channel;
    @Column(name = "owner_id") public Long ownerId;
    @Column(name = "qr_ticket") public String qrTicket;
    @Column(name = "qr_url") public String qrUrl;
    @Column(name = "wecom_config_id") public String wecomConfigId;
    @Column(nullable = false) public boolean permanent;
    @Column(name = "expires_at") public Instant expiresAt;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();

    public static Optional<Campaign> findByCode(String corpId, String code) {
        return find("corpId = ?1 and code = ?2", corpId, code).firstResultOptional();
    }
}
