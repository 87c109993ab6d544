package com.qingke.wecom;

import com.qingke.platform.JsonListConverter;
import com.qingke.platform.RowLocks;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The tag names WeCom showed for one external contact at the last sync (union over its follow relations). Mirroring
 * is a three-way merge against it: a name WeCom shows now but did not then was added in WeCom, a name it showed then
 * but not now was removed in WeCom, and a Qingke tag WeCom never showed (not written back yet) is left alone.
 */
@Entity
@Table(name = "wecom_contact_tags")
public class WeComContactTags extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "external_userid", nullable = false) public String externalUserId;
    @Convert(converter = JsonListConverter.class) @Column(name = "tag_names") public List<String> tagNames = new ArrayList<>();
    @Column(name = "updated_at", nullable = false) public Instant updatedAt = Instant.now();

    /** The contact's row under a row lock (so a sync and a write-back do not overwrite each other), or null. */
    static WeComContactTags lock(String corpId, String externalUserId) {
        return RowLocks.where(getEntityManager(), WeComContactTags.class, "wecom_contact_tags", "external_userid", externalUserId)
                .stream().filter(t -> t.corpId.equals(corpId)).findFirst().orElse(null);
    }

    /** Locks the contact's row and sets its names, creating the row on first sight. */
    static void save(String corpId, String externalUserId, Collection<String> names) {
        WeComContactTags row = lock(corpId, externalUserId);
        if (row == null) {
            row = new WeComContactTags();
            row.corpId = corpId;
            row.externalUserId = externalUserId;
        }
        row.tagNames = new ArrayList<>(new LinkedHashSet<>(names));
        row.updatedAt = Instant.now();
        if (row.id == null) {
            row.persist(); // a concurrent first sight fails on the unique key and is retried by its caller
        }
    }
}
