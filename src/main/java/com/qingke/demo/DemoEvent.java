package com.qingke.demo;

import com.qingke.timeline.EventType;
import java.time.Instant;
import java.util.Map;

/**
 * One behaviour event. {@code metadata} is written as JSON; when {@code materialSlug} is set the loader adds the
 * material's database id as {@code materialId}. {@code idempotencyKey} is unique within a data set.
 */
public record DemoEvent(EventType type, Instant occurredAt, String source, String employeeUserId, String materialSlug,
                        Map<String, Object> metadata, String idempotencyKey) {
}
