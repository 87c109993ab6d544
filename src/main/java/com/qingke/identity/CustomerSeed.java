package com.qingke.identity;

import java.time.Instant;
import java.util.List;

/**
 * What a channel knows about a person besides identifiers. A new customer is created from it; an existing one only
 * has its blanks filled (first touch wins for attribution, a real name replaces a generated placeholder).
 */
public record CustomerSeed(String name, String phone, String company, String position, String avatarUrl, Integer gender,
                           List<String> tags, Instant consentAt, String consentText) {

    /** Prefix of the names we make up for WeChat users whose nickname we cannot read. */
    public static final String PLACEHOLDER_PREFIX = "微信用户";

    public CustomerSeed {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static CustomerSeed named(String name) {
        return new CustomerSeed(name, null, null, null, null, null, List.of(), null, null);
    }

    /** "微信用户" plus the last four characters of an identifier, for people who arrive without a readable name. */
    public static String placeholderName(String identifier) {
        String tail = identifier == null || identifier.length() < 4 ? "" : identifier.substring(identifier.length() - 4);
        return PLACEHOLDER_PREFIX + tail;
    }

    public static boolean isPlaceholder(String name) {
        return name == null || name.isBlank() || name.startsWith(PLACEHOLDER_PREFIX);
    }

    public CustomerSeed withPhone(String newPhone) {
        return new CustomerSeed(name, newPhone, company, position, avatarUrl, gender, tags, consentAt, consentText);
    }

    public CustomerSeed withConsent(Instant at, String text) {
        return new CustomerSeed(name, phone, company, position, avatarUrl, gender, tags, at, text);
    }
}
