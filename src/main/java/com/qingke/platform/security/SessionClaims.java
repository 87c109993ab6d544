package com.qingke.platform.security;

import java.time.Instant;

/** What a session token asserts: which employee of which corp, until when. */
public record SessionClaims(long employeeId, String userId, String corpId, Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
