package com.qingke.wecom;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** A corp customer tag's id by name, cached so tag write-back (mark_tag) rarely needs get_corp_tag_list. */
@Entity
@Table(name = "wecom_tag")
public class WeComTag extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "tag_id", nullable = false) public String tagId;
    @Column(nullable = false) public String name;
    @Column(name = "group_name") public String groupName;

    public static Optional<WeComTag> byName(String corpId, String name) {
        return find("corpId = ?1 and name = ?2 order by id", corpId, name).firstResultOptional();
    }

    public static Optional<WeComTag> byTagId(String corpId, String tagId) {
        return find("corpId = ?1 and tagId = ?2", corpId, tagId).firstResultOptional();
    }

    /** Records a tag id seen in WeCom (idempotent). */
    public static void remember(String corpId, String tagId, String name, String groupName) {
        if (tagId == null || name == null || byTagId(corpId, tagId).isPresent()) {
            return;
        }
        WeComTag t = new WeComTag();
        t.corpId = corpId;
        t.tagId = tagId;
        t.name = name.length() > 64 ? name.substring(0, 64) : name;
        t.groupName = groupName;
        t.persist();
    }
}
