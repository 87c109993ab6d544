package com.qingke.dashboard;

import com.qingke.employee.Employee;
import com.qingke.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The manager workbench's read model: turns a filter (period, optional rep) into plain records. Every figure is
 * aggregated in the database; nothing here walks events or customers one by one except the bounded DB-03 list.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardService {
    private final DashboardConfig config;
    private final PipelineQueries pipeline;
    private final ActivityFeed activity;
    private final ActionQueries actions;
    private final KpiQueries kpis;
    private final People people;
    private final DashboardCache cache;
    private final Clock clock;

    DashboardService(DashboardConfig config, PipelineQueries pipeline, ActivityFeed activity, ActionQueries actions,
                     KpiQueries kpis, People people, DashboardCache cache) {
        this.config = config;
        this.pipeline = pipeline;
        this.activity = activity;
        this.actions = actions;
        this.kpis = kpis;
        this.people = people;
        this.cache = cache;
        this.clock = Clock.systemUTC();
    }

    /**
     * The filter from request parameters: {@code from} (first day, yyyy-MM-dd), {@code to} (first day after the
     * period), both optional (default: the last {@code default-period-days} days including today), and {@code rep}.
     */
    public DashboardFilter filter(String corpId, String from, String to, Long repId) {
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        Period period;
        try {
            LocalDate end = blank(to) ? today.plusDays(1) : LocalDate.parse(to.trim());
            LocalDate start = blank(from) ? end.minusDays(config.defaultPeriodDays()) : LocalDate.parse(from.trim());
            if (!start.isBefore(end)) {
                throw ProblemException.badRequest("开始日期必须早于结束日期");
            }
            period = new Period(start, end, config.zone());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("日期格式应为 yyyy-MM-dd");
        }
        if (period.days() > config.maxPeriodDays()) {
            throw ProblemException.badRequest("所选期间最长 " + config.maxPeriodDays() + " 天");
        }
        if (repId != null) {
            Employee rep = Employee.findById(repId);
            if (rep == null || !rep.corpId.equals(corpId)) {
                throw ProblemException.badRequest("销售 " + repId + " 不存在");
            }
        }
        return new DashboardFilter(corpId, period, repId);
    }

    /**
     * The page's figures: the period figures from the cache (computed if missing or older than the TTL), the live
     * list of active customers (DB-03) always fresh.
     */
    public Dashboard dashboard(DashboardFilter f, String sort) {
        Instant now = clock.instant();
        OpportunitySort order = OpportunitySort.parse(sort);
        Dashboard figures = cache.get(DashboardCache.Key.of(f, order.param()), () -> compute(f, order));
        return figures.withLive(activity.recent(f.corpId(), f.repId(), now), Fmt.dateTime(now, config.zone()));
    }

    /** Recomputes the default view (whole team, default period, default order) into the cache. */
    public void refreshDefault(String corpId) {
        DashboardFilter f = filter(corpId, null, null, null);
        cache.put(DashboardCache.Key.of(f, OpportunitySort.WIN_RATE.param()), compute(f, OpportunitySort.WIN_RATE));
    }

    private Dashboard compute(DashboardFilter f, OpportunitySort order) {
        Instant now = clock.instant();
        String asOf = Fmt.dateTime(now, config.zone());
        Actions team = actions.actions(f, now, config.listRows());
        return new Dashboard(f.period().label(), f.period().from().toString(), f.period().to().toString(),
                f.period().previous().label(), f.repId(), f.repId() == null ? "全部销售" : people.names(f.corpId()).get(f.repId()),
                kpis.kpis(f, now, team.team()), pipeline(f, order, config.listRows()), team, List.of(), kpis.channels(f),
                asOf, asOf);
    }

    public Pipeline pipeline(DashboardFilter f, OpportunitySort order, int rows) {
        List<Pipeline.StageWinRate> byStage = pipeline.winRateByStage(f.corpId(), f.repId());
        long open = byStage.stream().mapToLong(Pipeline.StageWinRate::count).sum();
        return new Pipeline(pipeline.funnel(f), pipeline.distribution(f), byStage,
                rows == 0 ? List.of() : pipeline.opportunities(f.corpId(), f.repId(), order, rows, config.zone()), open, order.param(),
                pipeline.model(f.corpId(), config.zone()));
    }

    public List<Kpi> kpis(DashboardFilter f) {
        return kpis.kpis(f, clock.instant());
    }

    public Actions actions(DashboardFilter f, int rows) {
        return actions.actions(f, clock.instant(), rows);
    }

    public List<ActiveCustomer> activeCustomers(String corpId, Long repId) {
        return activity.recent(corpId, repId, clock.instant());
    }

    public List<ChannelRow> channels(DashboardFilter f) {
        return kpis.channels(f);
    }

    public List<Employee> reps(String corpId) {
        return people.active(corpId);
    }

    public DashboardConfig config() {
        return config;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
