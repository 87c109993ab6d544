package com.qingke.identity;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "客户归一 Identity", description = "合并建议（同一手机号对应多个客户时由销售确认）、合并记录与撤销")
public class MergeResource {
    private final MergeDecisions decisions;

    MergeResource(MergeDecisions decisions) {
        this.decisions = decisions;
    }

    @GET
    @Path("/merge-suggestions")
    @Operation(summary = "待处理的合并建议", description = "销售看到涉及自己客户的建议，管理者看到全部")
    public List<MergeSuggestionView> open() {
        return decisions.openSuggestions();
    }

    @POST
    @Path("/merge-suggestions/{id}/accept")
    @Operation(summary = "确认合并", description = "两位客户合并为一位（保留较早创建的），可由管理者撤销")
    public MergeSuggestionView accept(@PathParam("id") long id) {
        return decisions.accept(id);
    }

    @POST
    @Path("/merge-suggestions/{id}/reject")
    @Operation(summary = "不是同一人", description = "拒绝后同一对客户不再提示")
    public MergeSuggestionView reject(@PathParam("id") long id) {
        return decisions.reject(id);
    }

    @GET
    @Path("/merges")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "客户的合并记录", description = "仅管理者")
    public List<MergeView> merges(@QueryParam("customerId") long customerId) {
        return decisions.mergesOf(customerId);
    }

    @POST
    @Path("/merges/{id}/undo")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "撤销合并", description = "事件、任务、商机、身份标识与跟进关系回到原客户，被合并客户的信息与状态恢复")
    public MergeView undo(@PathParam("id") long id) {
        return decisions.undo(id);
    }
}
