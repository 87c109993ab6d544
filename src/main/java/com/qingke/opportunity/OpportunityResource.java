package com.qingke.opportunity;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "商机 Opportunity", description = "商机阶段、金额、赢率与决策链")
public class OpportunityResource {
    private final OpportunityService opportunities;

    OpportunityResource(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @GET
    @Path("/stages")
    @Operation(summary = "商机阶段列表", description = "按漏斗顺序；赢单、输单为关闭阶段")
    public List<OpportunityView.StageOption> stages() {
        return OpportunityService.stageOptions();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看商机", description = "阶段、金额、创建时间、赢率及依据、决策链触达情况")
    public OpportunityView get(@PathParam("id") long id) {
        return opportunities.get(id);
    }

    @POST
    @Path("/{id}/stage")
    @Operation(summary = "变更商机阶段",
            description = "记录阶段历史与时间线事件、写审计，并立即重新分析客户，返回更新后的赢率；输单必须填写原因")
    public OpportunityView changeStage(@PathParam("id") long id, @Valid @NotNull StageChangeRequest request) {
        return opportunities.changeStage(id, request);
    }

    @PUT
    @Path("/{id}/contacts/{contactId}/reached")
    @Operation(summary = "标记决策链联系人触达状态", description = "更新决策链状态，写审计并重新分析客户")
    public OpportunityView markContact(@PathParam("id") long id, @PathParam("contactId") long contactId,
                                       @Valid @NotNull ContactReached body) {
        return opportunities.markContact(id, contactId, body.reached());
    }
}
