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
import java.util.Map;

@Path("/api/customers/{customerId}/tracked-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "资料库 Material")
public class CustomerTrackedLinkResource {
    private final TrackedLinks links;
    private final CurrentUser user;
    private final CustomerAccess access;
    private final Audit audit;

    CustomerTrackedLinkResource(TrackedLinks links, CurrentUser user, CustomerAccess access, Audit audit) {
        this.links = links;
        this.user = user;
        this.access = access;
        this.audit = audit;
    }

    public record SendMaterial(@NotNull(message = "请选择资料") Long materialId) {
    }

    @POST
    @ResponseStatus(201)
    @Transactional
    @Operation(summary = "为客户生成资料追踪链接", description = "每次发送生成一个新链接；客户打开后记录行为并触发 AI 分析")
    public TrackedLinkView create(@PathParam("customerId") Long customerId, @Valid @NotNull SendMaterial input) {
        access.require(customerId);
        TrackedLinkView link = links.create(user.corpId(), input.materialId(), customerId, user.employeeId(), null);
        audit.record(user.corpId(), user.actor(), "TRACKED_LINK_CREATED", "tracked_link", link.id(),
                Map.of("customerId", customerId, "materialId", link.materialId(), "url", link.url()));
        return link;
    }
}
