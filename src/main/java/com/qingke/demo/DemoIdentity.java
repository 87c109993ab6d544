package com.qingke.demo;

import com.qingke.identity.IdentityKind;
import java.time.Instant;

/** One identifier that resolves to the customer (identity_link). */
public record DemoIdentity(IdentityKind kind, String value, String source, Instant createdAt) {
}
