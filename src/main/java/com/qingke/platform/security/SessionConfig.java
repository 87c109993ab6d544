package com.qingke.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "qingke.session")
public interface SessionConfig {

    /** HMAC key for session tokens; production must set QINGKE_SESSION_SECRET (at least 32 characters). */
    String secret();

    /** How long a signed-in rep stays signed in. */
    @WithDefault("PT8H")
    Duration ttl();

    @WithDefault("qk_session")
    String cookieName();

    /** Mark the cookie Secure; off only for plain-http demo and tests. */
    @WithDefault("true")
    boolean secureCookie();
}
