package com.qingke.dashboard;

import com.qingke.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every table of the workbench page as a CSV table, by the name used in /dashboard/export/{name}.csv. */
@ApplicationScoped
public class DashboardCsv {
    private final DashboardService service;
    private final Map<String, Function<Request, CsvTable>> tables = new LinkedHashMap<>();

    DashboardCsv(DashboardService service) {
        this.service = service;
        tables.put("kpis", this::kpis);
        tables.put("funnel", this::funnel);
        tables.put("stages", this::stages);
        tables.put("win-rate-by-stage", this::winRateByStage);
        tables.put("opportunities", this::opportunities);
        tables.put("calibration", this::calibration);
        tables.put("active-customers", this::activeCustomers);
        tables.put("open-actions", this::openActions);
        tables.put("actions-by-rep", this::actionsByRep);
        tables.put("adoption", this::adoption);
        tables.put("dismiss-reasons", this::dismissReasons);
        tables.put("channels", this::channels);
    }

    /** What to export: the page's filter and the opportunity order. */
    public record Request(DashboardFilter filter, String sort) {
    }

    public List<String> names() {
        return List.copyOf(tables.keySet());
    }

    public CsvTable table(String name, Request request) {
        Function<Request, CsvTable> table = tables.get(name);
        if (table == null) {
            throw ProblemException.notFound("导出表", name);
        }
        return table.apply(request);
    }

    private CsvTable kpis(Request r) {
        List<List<String>> rows = new ArrayList<>();
        for (Kpi k : service.kpis(r.filter())) {
            boolean ratio = k.kind() == Kpi.Kind.RATIO;
            rows.add(List.of(k.name(), value(k, k.current()), ratio ? count(k.current().numerator()) : "",
                    count(k.current().denominator()), value(k, k.previous()), ratio ? count(k.previous().numerator()) : "",
                    count(k.previous().denominator()), k.definition()));
        }
        return new CsvTable("kpis", "KPI", List.of("指标", "本期值（比例，时长为秒）", "本期分子", "本期分母（时长为已联系线索数）", "上期值",
                "上期分子", "上期分母", "口径"), rows);
    }

    private CsvTable funnel(Request r) {
        List<List<String>> rows = service.pipeline(r.filter(), OpportunitySort.WIN_RATE, 0).funnel().stream()
                .map(s -> List.of(s.label(), count(s.count()), Fmt.plain(s.amount()), Fmt.ratio(s.shareOfFirst()))).toList();
        return new CsvTable("funnel", "商机漏斗", List.of("阶段", "到达商机数", "金额（元）", "占初步接触比例"), rows);
    }

    private CsvTable stages(Request r) {
        List<List<String>> rows = service.pipeline(r.filter(), OpportunitySort.WIN_RATE, 0).distribution().stream()
                .map(s -> List.of(s.label(), count(s.count()), Fmt.plain(s.amount()), Fmt.ratio(s.share()))).toList();
        return new CsvTable("stages", "阶段分布", List.of("当前阶段", "商机数", "金额（元）", "占比"), rows);
    }

    private CsvTable winRateByStage(Request r) {
        List<List<String>> rows = service.pipeline(r.filter(), OpportunitySort.WIN_RATE, 0).winRateByStage().stream()
                .map(s -> List.of(s.label(), count(s.count()), count(s.scored()), Fmt.ratio(s.meanWinRate()),
                        Fmt.plain(s.amount()), Fmt.plain(s.expectedAmount()))).toList();
        return new CsvTable("win-rate-by-stage", "各阶段预测赢率",
                List.of("阶段", "进行中商机数", "已评分数", "平均预测赢率", "金额（元）", "预测成交额（元）"), rows);
    }

    private CsvTable opportunities(Request r) {
        List<List<String>> rows = service.pipeline(r.filter(), OpportunitySort.parse(r.sort()), service.config().exportRows())
                .opportunities().stream()
                .map(o -> List.of(String.valueOf(o.id()), o.name(), o.customerName(), o.ownerName() == null ? "" : o.ownerName(),
                        o.stageLabel(), Fmt.plain(o.amount()), Fmt.ratio(o.winRate()), Fmt.plain(o.expectedAmount()),
                        o.stageChangedAt(), o.createdAt())).toList();
        return new CsvTable("opportunities", "商机预测赢率", List.of("商机ID", "商机", "客户", "负责销售", "阶段", "金额（元）",
                "预测赢率", "预测成交额（元）", "进入当前阶段时间", "创建时间"), rows);
    }

    private CsvTable calibration(Request r) {
        ModelQuality m = service.pipeline(r.filter(), OpportunitySort.WIN_RATE, 0).model();
        List<List<String>> rows = m.calibration().stream()
                .map(c -> List.of(String.valueOf(c.bin() + 1), count(c.count()), Fmt.ratio(c.meanPredicted()),
                        Fmt.ratio(c.observedRate()))).toList();
        return new CsvTable("calibration", "模型校准", List.of("分组（按预测赢率十分位）", "样本数", "平均预测赢率", "实际赢单比例"), rows);
    }

    private CsvTable activeCustomers(Request r) {
        List<List<String>> rows = service.activeCustomers(r.filter().corpId(), r.filter().repId()).stream()
                .map(c -> List.of(String.valueOf(c.customerId()), c.name(), c.company(), c.ownerName(), c.intentGrade(),
                        c.lastActivityAt(), c.eventsText())).toList();
        return new CsvTable("active-customers", "客户动态", List.of("客户ID", "客户", "公司", "负责销售", "意向等级", "最近活跃时间", "关键行为"), rows);
    }

    private CsvTable openActions(Request r) {
        List<List<String>> rows = service.actions(r.filter(), service.config().exportRows()).open().stream()
                .map(a -> List.of(String.valueOf(a.id()), String.valueOf(a.priority()), a.priorityLabel(), a.title(),
                        a.customerName(), a.ownerName(), a.statusLabel(), a.createdAt(), a.age())).toList();
        return new CsvTable("open-actions", "待处理推荐动作",
                List.of("动作ID", "优先级", "优先级档", "推荐动作", "客户", "负责销售", "状态", "生成时间", "已等待"), rows);
    }

    private CsvTable actionsByRep(Request r) {
        List<List<String>> rows = service.actions(r.filter(), 0).byRep().stream()
                .map(l -> List.of(l.ownerName(), count(l.high()), count(l.medium()), count(l.low()), count(l.proposed()),
                        count(l.confirmed()), count(l.total()))).toList();
        return new CsvTable("actions-by-rep", "各销售待处理推荐",
                List.of("销售", "高优先级", "中优先级", "低优先级", "待确认", "已确认待执行", "合计"), rows);
    }

    private CsvTable adoption(Request r) {
        Actions a = service.actions(r.filter(), 0);
        List<List<String>> rows = new ArrayList<>();
        for (Actions.RepAdoption x : a.adoption()) {
            rows.add(adoptionRow(x));
        }
        rows.add(adoptionRow(a.team()));
        return new CsvTable("adoption", "推荐采纳", List.of("销售", "已确认", "已执行", "已忽略", "采纳率"), rows);
    }

    private CsvTable dismissReasons(Request r) {
        List<List<String>> rows = service.actions(r.filter(), 0).dismissReasons().stream()
                .map(d -> List.of(d.reason(), count(d.count()), Fmt.ratio(d.share()))).toList();
        return new CsvTable("dismiss-reasons", "忽略原因", List.of("忽略原因", "次数", "占比"), rows);
    }

    private CsvTable channels(Request r) {
        List<List<String>> rows = service.channels(r.filter()).stream()
                .map(c -> List.of(c.channelLabel(), c.campaignName(), count(c.leads()), count(c.withOpportunity()),
                        Fmt.ratio(c.opportunityRate()), count(c.won()), Fmt.ratio(c.wonRate()), Fmt.plain(c.wonAmount())))
                .toList();
        return new CsvTable("channels", "线索渠道表现",
                List.of("渠道", "活动/二维码", "线索数", "转商机数", "商机转化率", "赢单数", "赢单转化率", "赢单金额（元）"), rows);
    }

    private static List<String> adoptionRow(Actions.RepAdoption x) {
        return List.of(x.ownerName(), count(x.confirmed()), count(x.executed()), count(x.dismissed()), Fmt.ratio(x.rate()));
    }

    private static String value(Kpi k, Kpi.Measure m) {
        if (k.kind() == Kpi.Kind.RATIO) {
            return Fmt.ratio(m.value());
        }
        return m.value() == null ? "" : String.format(java.util.Locale.ROOT, "%.0f", m.value());
    }

    private static String count(long n) {
        return String.valueOf(n);
    }
}
