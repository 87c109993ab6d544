package com.qingke.wecom;

import com.qingke.platform.security.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth2 {@code state}: a short-lived value bound to the browser that started sign-in (CSRF protection). WeCom
 * allows only [a-zA-Z0-9] up to 128 bytes, so the state is {@code nonce(16) expiry(10 digits) hmac(32 hex)}; the
 * nonce and the page to return to travel in an HttpOnly cookie and are covered by the HMAC.
 */
@ApplicationScoped
public class OAuthState {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NONCE = 16;
    private static final int EXPIRY = 10;

    /** A started sign-in: the state for WeCom and the nonce for the browser's cookie. */
    public record Issued(String state, String nonce) {
    }

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    OAuthState(SessionConfig session, WeComConfig config) {
        this(session.secret(), config.oauthStateTtl(), Clock.systemUTC());
    }

    OAuthState(String secret, Duration ttl, Clock clock) {
        // A key of its own, derived from the session secret, so a session token can never pass as a state or back.
        this.key = new SecretKeySpec(("oauth-state|" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    public Issued issue(String redirect) {
        StringBuilder nonce = new StringBuilder(NONCE);
        for (int i = 0; i < NONCE; i++) {
            nonce.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String expiry = String.format("%010d", clock.instant().plus(ttl).getEpochSecond());
        return new Issued(nonce + expiry + mac(nonce.toString(), expiry, redirect), nonce.toString());
    }

    /** The redirect, if the state is unexpired, untampered and was issued to the browser holding this nonce. */
    public Optional<String> verify(String state, String cookieNonce, String redirect) {
        if (state == null || cookieNonce == null || redirect == null || state.length() != NONCE + EXPIRY + 32) {
            return Optional.empty();
        }
        String nonce = state.substring(0, NONCE);
        String expiry = state.substring(NONCE, NONCE + EXPIRY);
        String given = state.substring(NONCE + EXPIRY);
        if (!MessageDigest.isEqual(nonce.getBytes(StandardCharsets.US_ASCII), cookieNonce.getBytes(StandardCharsets.US_ASCII))
                || !MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                mac(nonce, expiry, redirect).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(expiry))) ? Optional.of(redirect) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String mac(String nonce, String expiry, String redirect) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal((nonce + "|" + expiry + "|" + redirect).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(full, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
