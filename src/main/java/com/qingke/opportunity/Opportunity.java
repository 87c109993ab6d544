package com.qingke.opportunity;

import com.qingke.customer.Channel;
import com.qingke.platform.JsonListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A sales opportunity (spec OP-01 and the opportunity feature table of §5). */
@Entity
@Table(name = "opportunity")
public class Opportunity extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Column(name = "owner_id") public Long ownerId;
    @Column(nullable = false) public String name;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public Stage stage = Stage.INITIAL;
    public BigDecimal amount;
    @Enumerated(EnumType.STRING) public Channel channel;
    @Column(name = "campaign_id") public Long campaignId;
    @Column(name = "contact_count", nullable = false) public int contactCount;
    @Enumerated(EnumType.STRING) @Column(name = "decision_chain_status") public DecisionChainStatus decisionChainStatus = DecisionChainStatus.NONE;
    @Column(name = "intent_score") public Double intentScore;
    @Column(name = "win_rate") public Double winRate;
    @Convert(converter = JsonListConverter.class) @Column(name = "win_rate_factors") public List<String> winRateFactors = new ArrayList<>();
    @Column(name = "model_snapshot_id") public Long modelSnapshotId;
    @Enumerated(EnumType.STRING) @Column(name = "payment_status", nullable = false) public PaymentStatus paymentStatus = PaymentStatus.NONE;
    @Column(name = "payment_due_at") public Instant paymentDueAt;
    @Column(name = "lost_reason") public String lostReason;
    @Column(name = "stage_changed_at", nullable = false) public Instant stageChangedAt = Instant.now();
    @Column(name = "closed_at") public Instant closedAt;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
    @Column(name = "updated_at", nullable = false) public Instant updatedAt = Instant.now();
    @Version public long version;

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }
}
