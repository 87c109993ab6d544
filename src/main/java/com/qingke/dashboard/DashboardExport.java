package com.qingke.dashboard;

import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CSV export of every table on the workbench page (UTF-8 with BOM, Chinese headers). Managers only. */
@Path("/dashboard/export")
@RolesAllowed(Roles.MANAGER)
@Tag(name = "管理者工作台")
public class DashboardExport {
    static final String CSV = "text/csv;charset=UTF-8";

    private final CurrentUser user;
    private final DashboardService service;
    private final DashboardCsv csv;

    DashboardExport(CurrentUser user, DashboardService service, DashboardCsv csv) {
        this.user = user;
        this.service = service;
        this.csv = csv;
    }

    @GET
    @Path("/{table}.csv")
    @Produces(CSV)
    @Operation(summary = "导出工作台表格为 CSV：kpis, funnel, stages, win-rate-by-stage, opportunities, calibration,"
            + " active-customers, open-actions, actions-by-rep, adoption, dismiss-reasons, channels")
    public Response export(@PathParam("table") String table, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("rep") Long rep, @QueryParam("sort") String sort) {
        DashboardFilter filter = service.filter(user.corpId(), from, to, rep);
        CsvTable t = csv.table(table, new DashboardCsv.Request(filter, sort));
        String file = t.title() + "_" + filter.period().from() + "_" + filter.period().lastDay() + ".csv";
        String ascii = t.name() + "_" + filter.period().from() + "_" + filter.period().lastDay() + ".csv";
        StreamingOutput body = t::write;
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
