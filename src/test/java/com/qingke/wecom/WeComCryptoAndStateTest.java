package com.qingke.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/** Pure logic: callback crypto, the OAuth state and the redirect rule. */
class WeComCryptoAndStateTest {
    private static final String KEY = "hlzJfy28qaABqqOikqwwbfd71Ck6XzzG9uKTjYqsYCk";
    private final CallbackCrypto crypto = new CallbackCrypto("token", KEY, "ww-corp");

    @Test
    void encryptedEventsOpenWithTheRightSignatureAndCorp() {
        String encrypted = crypto.encrypt("0123456789abcdef", "<xml>事件</xml>");
        String signature = crypto.sign("1700000000", "n1", encrypted);
        assertEquals("<xml>事件</xml>", crypto.open(signature, "1700000000", "n1", encrypted));
        assertThrows(CallbackCrypto.Rejected.class, () -> crypto.open(signature, "1700000001", "n1", encrypted));
        assertThrows(CallbackCrypto.Rejected.class, () -> crypto.open(null, "1700000000", "n1", encrypted));

        CallbackCrypto otherCorp = new CallbackCrypto("token", KEY, "ww-other");
        String foreign = otherCorp.encrypt("0123456789abcdef", "<xml/>");
        assertThrows(CallbackCrypto.Rejected.class, () -> crypto.open(crypto.sign("1", "n", foreign), "1", "n", foreign));
        assertThrows(CallbackCrypto.Rejected.class, () -> crypto.decrypt("bm90IGJsb2Nrcw=="));
        assertThrows(CallbackCrypto.Rejected.class, () -> crypto.decrypt("%%%"));
        assertThrows(IllegalArgumentException.class, () -> new CallbackCrypto("token", "tooShort", "ww-corp"));
    }

    @Test
    void theOAuthStateIsBoundToTheBrowserTheRedirectAndTime() {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");
        OAuthState states = new OAuthState("a-secret-of-at-least-thirty-two-chars!!", Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
        OAuthState.Issued issued = states.issue("/sidebar/");
        assertTrue(issued.state().matches("[A-Za-z0-9]{1,128}"));
        assertEquals("/sidebar/", states.verify(issued.state(), issued.nonce(), "/sidebar/").orElseThrow());
        assertTrue(states.verify(issued.state(), "AAAAAAAAAAAAAAAA", "/sidebar/").isEmpty(), "another browser");
        assertTrue(states.verify(issued.state(), issued.nonce(), "/dashboard").isEmpty(), "another page");
        OAuthState later = new OAuthState("a-secret-of-at-least-thirty-two-chars!!", Duration.ofMinutes(10),
                Clock.fixed(now.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertTrue(later.verify(issued.state(), issued.nonce(), "/sidebar/").isEmpty(), "expired");
        OAuthState otherKey = new OAuthState("another-secret-of-at-least-thirty-two!!", Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
        assertTrue(otherKey.verify(issued.state(), issued.nonce(), "/sidebar/").isEmpty(), "signed with another key");
    }

    @Test
    void onlySameOriginRelativeRedirectsAreSafe() {
        assertTrue(SafeRedirects.isSafe("/sidebar/"));
        assertTrue(SafeRedirects.isSafe("/sidebar/?c=1#x"));
        for (String bad : new String[] {null, "", "sidebar", "//evil.example", "/\\evil.example", "https://evil.example",
                "/a b", "/x\r\nSet-Cookie: a=b", "javascript:alert(1)"}) {
            assertFalse(SafeRedirects.isSafe(bad), String.valueOf(bad));
        }
    }
}
