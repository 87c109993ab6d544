package com.qingke.customer;

import java.time.Instant;
import java.util.List;

/** A customer as the signed-in employee may see it (phone masked unless they own the customer). */
public record CustomerView(
        Long id, String name, String phone, boolean phoneMasked, String company, String position, String avatarUrl,
        List<String> tags, LifecycleStage lifecycleStage, Long ownerId, Channel sourceChannel,
        String intentGrade, Double intentScore, List<String> intentReasons, List<String> riskTags,
        Instant analysedAt, Instant lastActivityAt, Instant createdAt) {
}
