package com.qingke.lead;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A customer field a CSV column can be mapped to, with the column titles SMEs commonly use for it. */
public enum ImportField {
    NAME("name", "姓名", List.of("姓名", "客户姓名", "客户名称", "客户名", "名称", "联系人", "name")),
    PHONE("phone", "手机", List.of("手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "mobile", "phone")),
    COMPANY("company", "公司", List.of("公司", "公司名称", "企业", "企业名称", "单位", "company")),
    POSITION("position", "职位", List.of("职位", "职务", "position", "title")),
    TAGS("tags", "标签", List.of("标签", "客户标签", "tags")),
    CRM_ID("crmId", "客户编号", List.of("客户编号", "crm编号", "crm id", "crm_id", "crmid", "编号", "客户id", "外部编号")),
    OWNER("owner", "负责人", List.of("负责人", "销售", "跟进人", "所属销售", "客户负责人", "owner"));

    private final String key;
    private final String label;
    private final List<String> aliases;

    ImportField(String key, String label, List<String> aliases) {
        this.key = key;
        this.label = label;
        this.aliases = aliases;
    }

    /** The name used in an explicit mapping, e.g. {"客户名称": "name"}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ImportField> byKey(String key) {
        for (ImportField f : values()) {
            if (f.key.equalsIgnoreCase(key.trim()) || f.name().equalsIgnoreCase(key.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The field a column title means by default, if any (case, spaces and a BOM ignored). */
    public static Optional<ImportField> byTitle(String title) {
        String t = normaliseTitle(title);
        for (ImportField f : values()) {
            if (f.aliases.contains(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static String normaliseTitle(String title) {
        return title == null ? "" : title.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }
}
