package com.qingke.material;

import com.qingke.platform.Audit;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.util.List;
import java.util.Map;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "资料库 Material", description = "报价单、产品手册、客户案例、优惠方案，以及发给客户的追踪链接")
public class MaterialResource {
    private final MaterialService materials;
    private final TrackedLinks links;
    private final CurrentUser user;
    private final CustomerAccess access;
    private final Audit audit;

    MaterialResource(MaterialService materials, TrackedLinks links, CurrentUser user, CustomerAccess access, Audit audit) {
        this.materials = materials;
        this.links = links;
        this.user = user;
        this.access = access;
        this.audit = audit;
    }

    public record SendMaterial(@NotNull(message = "请选择资料") Long materialId) {
    }

    @GET
    @Path("/materials")
    @Operation(summary = "资料列表", description = "默认只列出启用的资料；管理者可加 includeInactive=true")
    public List<MaterialView> list(@QueryParam("kind") MaterialKind kind, @QueryParam("includeInactive") boolean includeInactive) {
        return materials.list(user.corpId(), kind, includeInactive && user.isManager());
    }

    @GET
    @Path("/materials/{id}")
    @Operation(summary = "查看资料")
    public MaterialView get(@PathParam("id") long id) {
        return materials.get(user.corpId(), id);
    }

    @POST
    @Path("/materials")
    @RolesAllowed(Roles.MANAGER)
    @ResponseStatus(201)
    @Operation(summary = "新增资料（管理者）")
    public MaterialView create(@Valid @NotNull NewMaterial input) {
        return materials.create(user.corpId(), input, user.actor());
    }

    @POST
    @Path("/materials/{id}/deactivate")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "停用资料（管理者）", description = "已发出的链接仍可打开，但不再推荐或发送")
    public MaterialView deactivate(@PathParam("id") long id) {
        return materials.setActive(user.corpId(), id, false, user.actor());
    }

    @POST
    @Path("/materials/{id}/activate")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "启用资料（管理者）")
    public MaterialView activate(@PathParam("id") long id) {
        return materials.setActive(user.corpId(), id, true, user.actor());
    }

    @POST
    @Path("/customers/{customerId}/tracked-links")
    @ResponseStatus(201)
    @Transactional
    @Operation(summary = "为客户生成资料追踪链接", description = "每次发送生成一个新链接；客户打开后记录行为并触发 AI 分析")
    public TrackedLinkView createLink(@PathParam("customerId") Long customerId, @Valid @NotNull SendMaterial input) {
        access.require(customerId);
        TrackedLinkView link = links.create(user.corpId(), input.materialId(), customerId, user.employeeId(), null);
        audit.record(user.corpId(), user.actor(), "TRACKED_LINK_CREATED", "tracked_link", link.id(),
                Map.of("customerId", customerId, "materialId", link.materialId(), "url", link.url()));
        return link;
    }
}
