package com.qingke.material;

import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.util.List;

@Path("/api/materials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "资料库 Material", description = "报价单、产品手册、客户案例、优惠方案，以及发给客户的追踪链接")
public class MaterialResource {
    private final MaterialService materials;
    private final CurrentUser user;

    MaterialResource(MaterialService materials, CurrentUser user) {
        this.materials = materials;
        this.user = user;
    }

    @GET
    @Operation(summary = "资料列表", description = "默认只列出启用的资料；管理者可加 includeInactive=true")
    public List<MaterialView> list(@QueryParam("kind") MaterialKind kind, @QueryParam("includeInactive") boolean includeInactive) {
        return materials.list(user.corpId(), kind, includeInactive && user.isManager());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看资料")
    public MaterialView get(@PathParam("id") long id) {
        return materials.get(user.corpId(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    @ResponseStatus(201)
    @Operation(summary = "新增资料（管理者）")
    public MaterialView create(@Valid @NotNull NewMaterial input) {
        return materials.create(user.corpId(), input, user.actor());
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "停用资料（管理者）", description = "已发出的链接仍可打开，但不再推荐或发送")
    public MaterialView deactivate(@PathParam("id") long id) {
        return materials.setActive(user.corpId(), id, false, user.actor());
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "启用资料（管理者）")
    public MaterialView activate(@PathParam("id") long id) {
        return materials.setActive(user.corpId(), id, true, user.actor());
    }
}
