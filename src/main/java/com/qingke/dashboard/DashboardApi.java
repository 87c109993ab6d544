package com.qingke.dashboard;

import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The workbench figures as JSON, for the page's live parts and for other tools. Managers only. */
@Path("/dashboard/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
@Tag(name = "管理者工作台", description = "商机总览、AI赢率、客户动态、AI推荐任务、KPI（仅主管）")
public class DashboardApi {
    private final CurrentUser user;
    private final DashboardService service;

    DashboardApi(CurrentUser user, DashboardService service) {
        this.user = user;
        this.service = service;
    }

    /** The live part of DB-03, polled by the page every few seconds. */
    public record Activity(String generatedAt, List<ActiveCustomer> customers) {
    }

    @GET
    @Path("/summary")
    @Operation(summary = "工作台全部数据（期间 [from, to)，可按销售筛选）")
    public Dashboard summary(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rep") Long rep,
                             @QueryParam("sort") String sort) {
        return service.dashboard(service.filter(user.corpId(), from, to, rep), OpportunitySort.parse(sort).param());
    }

    @GET
    @Path("/kpis")
    @Operation(summary = "KPI：本期与上期")
    public List<Kpi> kpis(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rep") Long rep) {
        return service.kpis(service.filter(user.corpId(), from, to, rep));
    }

    @GET
    @Path("/activity")
    @Operation(summary = "客户动态：最近活跃客户及关键行为")
    public Activity activity(@QueryParam("rep") Long rep) {
        DashboardFilter f = service.filter(user.corpId(), null, null, rep);
        return new Activity(Fmt.dateTime(java.time.Instant.now(), service.config().zone()),
                service.activeCustomers(f.corpId(), f.repId()));
    }

    @GET
    @Path("/actions")
    @Operation(summary = "AI推荐任务：待处理动作与采纳情况")
    public Actions actions(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rep") Long rep) {
        return service.actions(service.filter(user.corpId(), from, to, rep), service.config().listRows());
    }

    @GET
    @Path("/channels")
    @Operation(summary = "线索渠道表现")
    public List<ChannelRow> channels(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rep") Long rep) {
        return service.channels(service.filter(user.corpId(), from, to, rep));
    }
}
