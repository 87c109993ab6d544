package com.qingke.recommendation;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;

/** The rep's side of recommended actions; access to the customer is checked by {@link ActionService} on every call. */
@Path("/api/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "推荐动作 Action", description = "AI 推荐的下一步动作：销售确认（可编辑）后执行，或忽略并说明原因")
public class ActionResource {
    private final ActionService actions;

    ActionResource(ActionService actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "我的待处理推荐动作", description = "销售：自己负责的客户；管理者：全团队")
    public List<ActionView> mine() {
        return actions.openForMe();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看推荐动作")
    public ActionView get(@PathParam("id") long id) {
        return actions.get(id);
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "确认推荐动作（可编辑）",
            description = "消息：返回最终文本与新生成的资料追踪链接，由侧边栏调用 sendChatMessage 发送后回报；任务：立即创建 CRM 任务并标记为已执行；提醒：标记为已知悉")
    public ConfirmResult confirm(@PathParam("id") long id, @Valid ConfirmRequest request) {
        return actions.confirm(id, request);
    }

    @POST
    @Path("/{id}/executed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "回报消息已发送", description = "幂等：重复回报不会重复执行；failed=true 表示发送失败，动作保持已确认")
    public ActionView executed(@PathParam("id") long id, @Valid ExecutionReport report) {
        return actions.executed(id, report);
    }

    @POST
    @Path("/{id}/group-send")
    @Operation(summary = "通过企业微信群发发送已确认的消息", description = "无法在聊天侧边栏发送时的备选通道")
    public ActionView groupSend(@PathParam("id") long id) {
        return actions.groupSend(id);
    }

    @POST
    @Path("/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "忽略推荐动作", description = "必须填写原因；原因作为反馈用于优化规则与模型")
    public ActionView dismiss(@PathParam("id") long id, @Valid @NotNull Dismissal dismissal) {
        return actions.dismiss(id, dismissal.reason());
    }
}
