package com.qingke.identity;

import com.qingke.platform.JsonMapConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A merge of two customers with everything that moved, so that it can be undone exactly. */
@Entity
@Table(name = "merge_record")
public class MergeRecord extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "survivor_id", nullable = false) public Long survivorId;
    @Column(name = "merged_id", nullable = false) public Long mergedId;
    public String reason;
    @Convert(converter = JsonMapConverter.class) public Map<String, Object> moved = new HashMap<>();
    @Column(name = "merged_by") public String mergedBy;
    @Column(name = "merged_at", nullable = false) public Instant mergedAt = Instant.now();
    @Column(name = "undone_by") public String undoneBy;
    @Column(name = "undone_at") public Instant undoneAt;
}
