package com.qingke.dashboard;

import com.qingke.employee.Employee;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The manager workbench page (DB-01..DB-05) opened from the WeCom workbench. Not signed in: redirected to WeCom
 * sign-in, which comes back here. Signed in as a rep: a 403 page in Chinese (a page, since a person reads it).
 */
@Path("/dashboard")
public class DashboardPage {
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final CurrentUser user;
    private final DashboardService service;
    private final ChartData charts;

    DashboardPage(CurrentUser user, DashboardService service, ChartData charts) {
        this.user = user;
        this.service = service;
        this.charts = charts;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Dashboard d, PageView view);

        static native TemplateInstance forbidden(String name);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "管理者工作台页面", hidden = true)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rep") Long rep,
                         @QueryParam("sort") String sort, @Context UriInfo uri) {
        if (!user.isSignedIn()) {
            String back = uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
            return Response.seeOther(URI.create("/auth/wecom?redirect=" + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
        }
        if (!user.isManager()) {
            Employee me = Employee.findById(user.employeeId());
            return Response.status(Response.Status.FORBIDDEN).type(HTML)
                    .entity(Templates.forbidden(me == null ? "" : me.name).render()).build();
        }
        long started = System.nanoTime();
        String corp = user.corpId();
        String error = null;
        DashboardFilter filter;
        OpportunitySort order;
        try {
            filter = service.filter(corp, from, to, rep);
            order = OpportunitySort.parse(sort);
        } catch (ProblemException e) {
            // A person typed the address or a bookmark went stale: show the default view and say why.
            error = e.getMessage() + "，已显示默认期间。";
            filter = service.filter(corp, null, null, null);
            order = OpportunitySort.WIN_RATE;
        }
        Dashboard d = service.dashboard(filter, order.param());
        Employee me = Employee.findById(user.employeeId());
        String html = Templates.page(d, view(filter, order, d, me == null ? "" : me.name, error)).render();
        // Queries plus rendering, for docs/BENCHMARKS.md and the browser's network panel.
        String timing = String.format(java.util.Locale.ROOT, "render;dur=%.1f", (System.nanoTime() - started) / 1e6);
        return Response.ok(html, HTML).header("Server-Timing", timing).build();
    }

    private PageView view(DashboardFilter f, OpportunitySort order, Dashboard d, String userName, String error) {
        List<PageView.RepOption> reps = service.reps(f.corpId()).stream()
                .map(e -> new PageView.RepOption(e.id, e.name + (e.isManager() ? "（主管）" : ""), e.id.equals(f.repId())))
                .toList();
        LocalDate now = LocalDate.now(service.config().zone());
        List<PageView.Link> presets = new ArrayList<>();
        presets.add(preset("近7天", now.minusDays(6), now.plusDays(1), f));
        presets.add(preset("近30天", now.minusDays(29), now.plusDays(1), f));
        presets.add(preset("近90天", now.minusDays(89), now.plusDays(1), f));
        presets.add(preset("本月", now.withDayOfMonth(1), now.withDayOfMonth(1).plusMonths(1), f));
        presets.add(preset("上月", now.withDayOfMonth(1).minusMonths(1), now.withDayOfMonth(1), f));
        List<PageView.Link> sorts = new ArrayList<>();
        for (OpportunitySort s : OpportunitySort.values()) {
            sorts.add(new PageView.Link(s.label(), query(f.period().from(), f.period().to(), f.repId(), s) + "#opportunities",
                    s == order));
        }
        String query = query(f.period().from(), f.period().to(), f.repId(), order);
        String live = "/dashboard/api/activity" + (f.repId() == null ? "" : "?rep=" + f.repId());
        return new PageView(userName, reps, presets, sorts, query, charts.of(d),
                service.config().liveRefresh().toSeconds(), live, error);
    }

    private static PageView.Link preset(String label, LocalDate from, LocalDate to, DashboardFilter f) {
        boolean active = f.period().from().equals(from) && f.period().to().equals(to);
        return new PageView.Link(label, query(from, to, f.repId(), OpportunitySort.WIN_RATE), active);
    }

    private static String query(LocalDate from, LocalDate to, Long rep, OpportunitySort sort) {
        return "?from=" + from + "&to=" + to + (rep == null ? "" : "&rep=" + rep)
                + (sort == OpportunitySort.WIN_RATE ? "" : "&sort=" + sort.param());
    }
}
