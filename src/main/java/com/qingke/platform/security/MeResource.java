package com.qingke.platform.security;

import com.qingke.employee.Employee;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "登录 Session", description = "当前登录的员工")
public class MeResource {
    private final CurrentUser user;

    MeResource(CurrentUser user) {
        this.user = user;
    }

    public record Me(long employeeId, String userId, String name, boolean manager) {
    }

    @GET
    @Operation(summary = "当前登录员工")
    public Me me() {
        Employee e = Employee.findById(user.employeeId());
        return new Me(e.id, e.wecomUserId, e.name, user.isManager());
    }
}
