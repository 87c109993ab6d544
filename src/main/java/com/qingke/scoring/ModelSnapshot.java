package com.qingke.scoring;

import com.qingke.platform.JsonMapConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A trained model with its held-out quality; the active one serves predictions. */
@Entity
@Table(name = "model_snapshot")
public class ModelSnapshot extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(nullable = false) public String kind;
    @Column(name = "training_size", nullable = false) public int trainingSize;
    @Column(name = "won_count", nullable = false) public int wonCount;
    @Column(name = "lost_count", nullable = false) public int lostCount;
    public Double auc;
    public Double brier;
    @Column(name = "signal_found", nullable = false) public boolean signalFound;
    @Convert(converter = JsonMapConverter.class) public Map<String, Object> card = new HashMap<>();
    public String model;
    @Column(nullable = false) public boolean active;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
}
