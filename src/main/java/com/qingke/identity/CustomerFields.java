package com.qingke.identity;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.customer.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's own fields as JSON-safe values (strings, lists of strings, null), so a merge record can keep them
 * and an undo can put them back exactly after a round trip through the database.
 */
final class CustomerFields {
    static final List<String> NAMES = List.of("name", "phone", "company", "position", "avatarUrl", "gender", "tags",
            "lifecycleStage", "ownerId", "sourceChannel", "campaignId", "status", "survivorId", "intentGrade", "intentScore",
            "intentReasons", "riskTags", "analysedAt", "ruleVersion", "modelSnapshotId", "consentAt", "consentText",
            "lastActivityAt");

    private CustomerFields() {
    }

    static Map<String, Object> snapshot(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name);
        m.put("phone", c.phone);
        m.put("company", c.company);
        m.put("position", c.position);
        m.put("avatarUrl", c.avatarUrl);
        m.put("gender", str(c.gender));
        m.put("tags", List.copyOf(c.tags));
        m.put("lifecycleStage", str(c.lifecycleStage));
        m.put("ownerId", str(c.ownerId));
        m.put("sourceChannel", str(c.sourceChannel));
        m.put("campaignId", str(c.campaignId));
        m.put("status", str(c.status));
        m.put("survivorId", str(c.survivorId));
        m.put("intentGrade", c.intentGrade);
        m.put("intentScore", str(c.intentScore));
        m.put("intentReasons", List.copyOf(c.intentReasons));
        m.put("riskTags", List.copyOf(c.riskTags));
        m.put("analysedAt", str(c.analysedAt));
        m.put("ruleVersion", c.ruleVersion);
        m.put("modelSnapshotId", str(c.modelSnapshotId));
        m.put("consentAt", str(c.consentAt));
        m.put("consentText", c.consentText);
        m.put("lastActivityAt", str(c.lastActivityAt));
        return m;
    }

    /** Sets the named fields of the customer to the snapshot's values. */
    static void apply(Customer c, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            String s = v == null ? null : v.toString();
            switch (e.getKey()) {
                case "name" -> c.name = s;
                case "phone" -> c.phone = s;
                case "company" -> c.company = s;
                case "position" -> c.position = s;
                case "avatarUrl" -> c.avatarUrl = s;
                case "gender" -> c.gender = s == null ? null : Integer.valueOf(s);
                case "tags" -> c.tags = list(v);
                case "lifecycleStage" -> c.lifecycleStage = LifecycleStage.valueOf(s);
                case "ownerId" -> c.ownerId = s == null ? null : Long.valueOf(s);
                case "sourceChannel" -> c.sourceChannel = s == null ? null : Channel.valueOf(s);
                case "campaignId" -> c.campaignId = s == null ? null : Long.valueOf(s);
                case "status" -> c.status = CustomerStatus.valueOf(s);
                case "survivorId" -> c.survivorId = s == null ? null : Long.valueOf(s);
                case "intentGrade" -> c.intentGrade = s;
                case "intentScore" -> c.intentScore = s == null ? null : Double.valueOf(s);
                case "intentReasons" -> c.intentReasons = list(v);
                case "riskTags" -> c.riskTags = list(v);
                case "analysedAt" -> c.analysedAt = s == null ? null : Instant.parse(s);
                case "ruleVersion" -> c.ruleVersion = s;
                case "modelSnapshotId" -> c.modelSnapshotId = s == null ? null : Long.valueOf(s);
                case "consentAt" -> c.consentAt = s == null ? null : Instant.parse(s);
                case "consentText" -> c.consentText = s;
                case "lastActivityAt" -> c.lastActivityAt = s == null ? null : Instant.parse(s);
                default -> throw new IllegalArgumentException("Unknown customer field " + e.getKey());
            }
        }
    }

    /** The fields whose values differ between two snapshots. */
    static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
        List<String> names = new ArrayList<>();
        for (String name : NAMES) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                names.add(name);
            }
        }
        return names;
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof Enum<?> e ? e.name() : o.toString();
    }

    private static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
