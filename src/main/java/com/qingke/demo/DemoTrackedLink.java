package com.qingke.demo;

import java.time.Instant;

/**
 * A material sent to the customer as a tracked link. {@code key} is unique within a data set; the loader derives
 * the globally unique token from it and the corp id.
 */
public record DemoTrackedLink(String key, String materialSlug, String sentByUserId, int openCount,
                              Instant lastOpenedAt, Instant createdAt) {
}
