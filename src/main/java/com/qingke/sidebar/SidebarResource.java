package com.qingke.sidebar;

import com.qingke.platform.security.Roles;
import com.qingke.timeline.TimelineService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sidebar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "侧边栏 Sidebar", description = "聊天工具栏侧边栏：一次请求返回首屏所需的全部数据")
public class SidebarResource {
    private final SidebarService sidebar;
    private final TimelineService timeline;
    private final SidebarConfig config;

    SidebarResource(SidebarService sidebar, TimelineService timeline, SidebarConfig config) {
        this.sidebar = sidebar;
        this.timeline = timeline;
        this.config = config;
    }

    @GET
    @Path("/customers/{id}")
    @Operation(summary = "侧边栏首屏", description = "客户资料、最近 50 条行为事件、意向等级与依据、风险标签、待处理推荐动作（按优先级）、主商机（阶段、赢率及依据、决策链）、待办任务")
    public SidebarView customer(@PathParam("id") long id) {
        return sidebar.forCustomer(id);
    }

    @GET
    @Path("/customers/{id}/events")
    @Operation(summary = "更早的行为事件", description = "按时间倒序分页：返回 before 指定事件之前的事件")
    public TimelineService.Page events(@PathParam("id") long id,
                                       @QueryParam("before") @Min(value = 1, message = "before 无效") long before,
                                       @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "limit 至少为1")
                                       @Max(value = 100, message = "limit 不超过100") int limit) {
        return timeline.before(id, before, Math.min(limit, config.maxEventPage()));
    }

    @GET
    @Path("/by-external-user/{externalUserId}")
    @Operation(summary = "按企业微信外部联系人打开侧边栏", description = "getCurExternalContact 返回的 external_userid；尚未建档时返回 404，由企业微信接口建档后再按客户 ID 打开")
    public SidebarView byExternalUser(@PathParam("externalUserId")
                                      @Pattern(regexp = "[A-Za-z0-9_\\-]{1,64}", message = "external_userid 无效") String externalUserId) {
        return sidebar.forExternalUser(externalUserId);
    }

    @GET
    @Path("/my-customers")
    @Operation(summary = "我的客户（演示桥选择器）", description = "当前员工跟进或负责的客户，最近活跃在前；q 按姓名或公司筛选")
    public List<CustomerPick> myCustomers(@QueryParam("q") @Size(max = 50, message = "搜索词不超过50个字") String q) {
        return sidebar.myCustomers(q);
    }
}
