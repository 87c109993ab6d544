package com.qingke.platform.security;

import org.junit.jupiter.api.Test;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import static org.junit.jupiter.api.Assertions.*;

class SessionTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static SessionConfig config(String secret) {
        return new SessionConfig() {
            public String secret() { return secret; }
            public Duration ttl() { return Duration.ofHours(8); }
            public String cookieName() { return "qk_session"; }
            public boolean secureCookie() { return false; }
        };
    }

    private final SessionTokens tokens = new SessionTokens(config("0123456789abcdef0123456789abcdef"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldVerifyTheClaimsItIssued() {
        String token = tokens.issue(new SessionClaims(7, "zhangwei", "ww-x", NOW.plusSeconds(60)));
        SessionClaims claims = tokens.verify(token).orElseThrow();
        assertEquals(7, claims.employeeId());
        assertEquals("zhangwei", claims.userId());
        assertEquals("ww-x", claims.corpId());
    }

    @Test
    void shouldRejectAnExpiredToken() {
        String token = tokens.issue(new SessionClaims(7, "zhangwei", "ww-x", NOW.minusSeconds(1)));
        assertTrue(tokens.verify(token).isEmpty());
    }

    @Test
    void shouldRejectATamperedPayload() {
        String token = tokens.issue(new SessionClaims(7, "zhangwei", "ww-x", NOW.plusSeconds(60)));
        String forged = new SessionTokens(config("0123456789abcdef0123456789abcdef"), Clock.fixed(NOW, ZoneOffset.UTC))
                .issue(new SessionClaims(8, "liuyang", "ww-x", NOW.plusSeconds(60)));
        String mixed = forged.substring(0, forged.indexOf('.')) + token.substring(token.indexOf('.'));
        assertTrue(tokens.verify(mixed).isEmpty());
    }

    @Test
    void shouldRejectATokenSignedWithAnotherKey() {
        String other = new SessionTokens(config("another-secret-another-secret-0000"), Clock.fixed(NOW, ZoneOffset.UTC))
                .issue(new SessionClaims(7, "zhangwei", "ww-x", NOW.plusSeconds(60)));
        assertTrue(tokens.verify(other).isEmpty());
    }

    @Test
    void shouldRejectGarbage() {
        assertTrue(tokens.verify(null).isEmpty());
        assertTrue(tokens.verify("").isEmpty());
        assertTrue(tokens.verify("abc").isEmpty());
        assertTrue(tokens.verify("abc.").isEmpty());
        assertTrue(tokens.verify("%%%.###").isEmpty());
        assertTrue(tokens.verify("x".repeat(5000)).isEmpty());
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThrows(IllegalStateException.class, () -> new SessionTokens(config("short")));
    }
}
