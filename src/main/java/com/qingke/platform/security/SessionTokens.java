package com.qingke.platform.security;

import com.qingke.employee.Employee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues and verifies the app's own session tokens: {@code base64url(claims) "." base64url(HMAC-SHA256)}.
 * Claims are a fixed pipe-separated layout rather than JSON so verification needs no parser on the hot path.
 */
@ApplicationScoped
public class SessionTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SessionConfig config;
    private final Clock clock;
    private final SecretKeySpec key;

    @Inject
    public SessionTokens(SessionConfig config) {
        this(config, Clock.systemUTC());
    }

    SessionTokens(SessionConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        if (config.secret().length() < 32) {
            throw new IllegalStateException("qingke.session.secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue(Employee employee) {
        Instant expires = clock.instant().plus(config.ttl());
        return issue(new SessionClaims(employee.id, employee.wecomUserId, employee.corpId, expires));
    }

    String issue(SessionClaims claims) {
        String body = claims.employeeId() + "|" + claims.userId() + "|" + claims.corpId() + "|" + claims.expiresAt().getEpochSecond();
        String payload = ENCODER.encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The claims of a well-formed, untampered, unexpired token; empty otherwise. */
    public Optional<SessionClaims> verify(String token) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] given = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4) {
                return Optional.empty();
            }
            SessionClaims claims = new SessionClaims(Long.parseLong(parts[0]), parts[1], parts[2],
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
            return claims.isExpiredAt(clock.instant()) ? Optional.empty() : Optional.of(claims);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public SessionConfig config() {
        return config;
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
