package com.qingke.recommendation;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;

@Path("/api/customers/{customerId}/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "推荐动作 Action")
public class CustomerActionResource {
    private final ActionService actions;

    CustomerActionResource(ActionService actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "客户的推荐动作", description = "默认只返回待处理（PROPOSED、CONFIRMED）的动作，按优先级排序；all=true 返回全部历史")
    public List<ActionView> forCustomer(@PathParam("customerId") Long customerId, @QueryParam("all") boolean all) {
        return actions.forCustomer(customerId, all);
    }
}
