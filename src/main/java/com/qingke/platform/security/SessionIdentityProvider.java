package com.qingke.platform.security;

import com.qingke.employee.Employee;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns verified session claims into an identity, re-reading the employee so that a deactivated rep or a changed
 * role takes effect at once rather than when the token expires.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {
    static final String EMPLOYEE_ID = "employeeId";
    static final String CORP_ID = "corpId";

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        SessionClaims claims = request.claims();
        return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> {
            Employee employee = Employee.findById(claims.employeeId());
            if (employee == null || !employee.active || !employee.corpId.equals(claims.corpId())
                    || !employee.wecomUserId.equals(claims.userId())) {
                return null;
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(employee.wecomUserId))
                    .addRole(Roles.REP)
                    .addAttribute(EMPLOYEE_ID, employee.id)
                    .addAttribute(CORP_ID, employee.corpId);
            if (employee.isManager()) {
                identity.addRole(Roles.MANAGER);
            }
            return identity.build();
        }));
    }
}
