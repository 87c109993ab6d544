package com.qingke.identity;

import java.time.Instant;

/**
 * An open merge suggestion as a rep sees it. The side the rep may not open shows only what is needed to decide
 * (name, company, masked phone, whose customer it is).
 */
public record MergeSuggestionView(Long id, String status, String matchKind, String matchValue, Instant createdAt, Side customer,
                                  Side candidate) {

    public record Side(Long id, String name, String company, String phone, String ownerName, boolean visible) {
    }
}
