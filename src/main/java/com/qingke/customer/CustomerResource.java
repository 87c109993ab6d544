package com.qingke.customer;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "客户 Customer", description = "客户主档：基本信息、标签、生命周期阶段")
public class CustomerResource {
    private final CustomerService customers;

    CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看客户", description = "销售只能查看自己跟进的客户；非负责人看到的手机号已脱敏")
    public CustomerView get(@PathParam("id") Long id) {
        return customers.get(id);
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "手动新建客户", description = "新客户的负责人为当前销售")
    public CustomerView create(@Valid @NotNull NewCustomer input) {
        return customers.create(input);
    }

    @PUT
    @Path("/{id}/tags")
    @Operation(summary = "修改客户标签", description = "修改后同步到企业微信客户标签")
    public CustomerView replaceTags(@PathParam("id") Long id, @Valid @NotNull TagsUpdate update) {
        return customers.replaceTags(id, update.tags());
    }
}
