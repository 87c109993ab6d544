package com.qingke.identity;

import com.qingke.customer.PhoneNumbers;
import java.util.Objects;

/**
 * One identifier a person arrived with. Values are normalised on construction (trimmed; phones reduced to their 11
 * digits), so two channels that saw the same person produce equal keys.
 */
public record IdentityKey(IdentityKind kind, String value) implements Comparable<IdentityKey> {

    public IdentityKey {
        Objects.requireNonNull(kind, "kind");
        value = kind == IdentityKind.PHONE ? PhoneNumbers.normalise(value) : value == null ? null : value.trim();
    }

    public static IdentityKey openid(String openid) {
        return new IdentityKey(IdentityKind.OPENID, openid);
    }

    public static IdentityKey unionid(String unionid) {
        return new IdentityKey(IdentityKind.UNIONID, unionid);
    }

    public static IdentityKey externalUserId(String externalUserId) {
        return new IdentityKey(IdentityKind.EXTERNAL_USERID, externalUserId);
    }

    public static IdentityKey phone(String phone) {
        return new IdentityKey(IdentityKind.PHONE, phone);
    }

    public static IdentityKey crmId(String crmId) {
        return new IdentityKey(IdentityKind.CRM_ID, crmId);
    }

    /** Blank values and phones that are not mainland mobiles identify nobody and are ignored. */
    public boolean isUsable() {
        if (value == null || value.isBlank() || value.length() > 128) {
            return false;
        }
        return kind != IdentityKind.PHONE || PhoneNumbers.isValid(value);
    }

    public boolean isStrong() {
        return kind.isStrong();
    }

    /** Keys are always linked in this order, so two transactions never take the same unique-index locks crosswise. */
    @Override
    public int compareTo(IdentityKey other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : value.compareTo(other.value);
    }

    /** Safe for logs: phone numbers masked, other identifiers shortened. */
    @Override
    public String toString() {
        if (value == null) {
            return kind + ":-";
        }
        if (kind == IdentityKind.PHONE) {
            return kind + ":" + com.qingke.platform.Masking.phone(value);
        }
        return kind + ":" + (value.length() > 8 ? value.substring(0, 4) + "…" + value.substring(value.length() - 4) : value);
    }
}
