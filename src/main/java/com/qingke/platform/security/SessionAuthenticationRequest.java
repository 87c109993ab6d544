package com.qingke.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

final class SessionAuthenticationRequest extends BaseAuthenticationRequest {
    private final SessionClaims claims;

    SessionAuthenticationRequest(SessionClaims claims) {
        this.claims = claims;
    }

    SessionClaims claims() {
        return claims;
    }
}
