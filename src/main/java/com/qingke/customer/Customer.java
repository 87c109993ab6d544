package com.qingke.customer;

import com.qingke.platform.JsonListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The customer master record (spec CP-01), with the latest analysis results on it. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(nullable = false) public String name;
    public String phone;
    public String company;
    public String position;
    @Column(name = "avatar_url") public String avatarUrl;
    public Integer gender;
    @Convert(converter = JsonListConverter.class) public List<String> tags = new ArrayList<>();
    @Enumerated(EnumType.STRING) @Column(name = "lifecycle_stage", nullable = false)
    public LifecycleStage lifecycleStage = LifecycleStage.LEAD;
    @Column(name = "owner_id") public Long ownerId;
    @Enumerated(EnumType.STRING) @Column(name = "source_channel") public Channel sourceChannel;
    @Column(name = "campaign_id") public Long campaignId;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public CustomerStatus status = CustomerStatus.ACTIVE;
    @Column(name = "survivor_id") public Long survivorId;

    @Column(name = "intent_grade") public String intentGrade;
    @Column(name = "intent_score") public Double intentScore;
    @Convert(converter = JsonListConverter.class) @Column(name = "intent_reasons") public List<String> intentReasons = new ArrayList<>();
    @Convert(converter = JsonListConverter.class) @Column(name = "risk_tags") public List<String> riskTags = new ArrayList<>();
    @Column(name = "analysed_at") public Instant analysedAt;
    @Column(name = "rule_version") public String ruleVersion;
    @Column(name = "model_snapshot_id") public Long modelSnapshotId;

    @Column(name = "consent_at") public Instant consentAt;
    @Column(name = "consent_text") public String consentText;
    @Column(name = "last_activity_at") public Instant lastActivityAt;
    /**
     * The earliest CALL/CHAT/MESSAGE_SENT at or after creation. Read-only here: only the conditional updates of
     * {@code timeline.FirstContact} write it, so a flush of this entity never puts back an older value.
     */
    @Column(name = "first_contact_at", insertable = false, updatable = false) public Instant firstContactAt;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
    @Column(name = "updated_at", nullable = false) public Instant updatedAt = Instant.now();
    @Version public long version;

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public boolean isActive() {
        return status == CustomerStatus.ACTIVE;
    }
}
