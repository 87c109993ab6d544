package com.qingke.platform.security;

import com.qingke.platform.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The signed-in employee of the current request. */
@RequestScoped
public class CurrentUser {
    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public long employeeId() {
        requireSignedIn();
        Long id = identity.getAttribute(SessionIdentityProvider.EMPLOYEE_ID);
        return id;
    }

    public String corpId() {
        requireSignedIn();
        return identity.getAttribute(SessionIdentityProvider.CORP_ID);
    }

    public String userId() {
        requireSignedIn();
        return identity.getPrincipal().getName();
    }

    public boolean isManager() {
        return identity.hasRole(Roles.MANAGER);
    }

    /** The actor name written to the audit log. */
    public String actor() {
        return "employee:" + employeeId();
    }

    public void requireManager() {
        requireSignedIn();
        if (!isManager()) {
            throw ProblemException.forbidden();
        }
    }

    private void requireSignedIn() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
