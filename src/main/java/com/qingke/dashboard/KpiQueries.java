package com.qingke.dashboard;

import com.qingke.campaign.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DB-05 KPIs and lead channel performance. Definitions (also in docs/KPIS.md and on the page):
 * <ul>
 * <li>lead: an ACTIVE customer (merged duplicates and deleted ones excluded) with a source channel, created in the period;
 * with a rep selected, the leads that rep owns;</li>
 * <li>lead → opportunity: leads that have any opportunity now; lead → won: leads that have a WON opportunity now;</li>
 * <li>reach: first contact = earliest CALL/CHAT/MESSAGE_SENT event at or after the lead's creation, kept on the
 * customer as {@code first_contact_at} when the event is stored (timeline.FirstContact);
 * reached in time = first contact within 24 h; the share counts leads whose 24 h have passed (or that were reached
 * already); the median time to first contact is over the leads contacted so far;</li>
 * <li>task completion: tasks (not CANCELLED) whose due time lies in the period and has passed; done on time = DONE with
 * completed_at ≤ due_at;</li>
 * <li>AI adoption: actions decided in the period, (CONFIRMED + EXECUTED) / (CONFIRMED + EXECUTED + DISMISSED); SUPERSEDED
 * actions were never decided by a rep and count in neither.</li>
 * </ul>
 */
@ApplicationScoped
class KpiQueries {
    static final String DEF_LEAD_TO_WON = "线索赢单转化率 = 期间内新增线索中，截至目前已有赢单商机的线索数 ÷ 期间内新增线索数。"
            + "线索 = 期间内创建、带有来源渠道、未被合并或删除的客户（筛选销售时为该销售负责的线索）。";
    static final String DEF_LEAD_TO_OPP = "线索商机转化率 = 期间内新增线索中，截至目前已创建任意商机（含初步接触）的线索数 ÷ 期间内新增线索数。";
    static final String DEF_REACH = "24小时触达率 = 创建后24小时内被首次联系的线索数 ÷ 已满24小时（或已被及时联系）的期间内新增线索数。"
            + "首次联系 = 线索创建后最早的一次电话、企业微信聊天或销售发消息事件。";
    static final String DEF_FIRST_CONTACT = "首次联系时长中位数 = 期间内新增且已被联系的线索，从创建到首次联系所用时间的中位数（越短越好）。";
    static final String DEF_TASKS = "任务按时完成率 = 截止时间在期间内且已到期的任务中，在截止时间前完成的任务数 ÷ 这些任务总数（已取消的任务不计）。";
    static final String DEF_ADOPTION = "AI采纳率 = 期间内做出决定的推荐动作中，被确认或已执行的数量 ÷（确认 + 已执行 + 忽略）的数量。"
            + "因规则不再触发而失效（SUPERSEDED）的动作未经销售决定，不计入。";

    private final EntityManager em;
    private final DashboardConfig config;
    private final ActionQueries actions;

    KpiQueries(EntityManager em, DashboardConfig config, ActionQueries actions) {
        this.em = em;
        this.config = config;
        this.actions = actions;
    }

    List<Kpi> kpis(DashboardFilter f, Instant now) {
        return kpis(f, now, total(actions.adoption(f)));
    }

    /** The KPIs, reusing the period's adoption figures the page has already counted for DB-04. */
    List<Kpi> kpis(DashboardFilter f, Instant now, Actions.RepAdoption adoptNow) {
        DashboardFilter p = f.previous();
        LeadCounts[] leads = leadCounts(f, now);
        LeadCounts cur = leads[1];
        LeadCounts prev = leads[0];
        long[] tasks = taskCounts(f, now);
        Actions.RepAdoption adoptBefore = total(actions.adoption(p));
        List<Kpi> out = new ArrayList<>();
        out.add(new Kpi("lead-to-won", "线索→赢单转化率", Kpi.Kind.RATIO, Kpi.Measure.ratio(cur.won, cur.leads),
                Kpi.Measure.ratio(prev.won, prev.leads), DEF_LEAD_TO_WON));
        out.add(new Kpi("lead-to-opportunity", "线索→商机转化率", Kpi.Kind.RATIO, Kpi.Measure.ratio(cur.withOpportunity, cur.leads),
                Kpi.Measure.ratio(prev.withOpportunity, prev.leads), DEF_LEAD_TO_OPP));
        out.add(new Kpi("reach-24h", "24小时触达率", Kpi.Kind.RATIO, Kpi.Measure.ratio(cur.reachedInTime, cur.reachEligible),
                Kpi.Measure.ratio(prev.reachedInTime, prev.reachEligible), DEF_REACH));
        out.add(new Kpi("first-contact-median", "首次联系时长（中位数）", Kpi.Kind.DURATION,
                new Kpi.Measure(cur.medianDelay, 0, cur.contacted),
                new Kpi.Measure(prev.medianDelay, 0, prev.contacted), DEF_FIRST_CONTACT));
        out.add(new Kpi("task-completion", "任务按时完成率", Kpi.Kind.RATIO, Kpi.Measure.ratio(tasks[3], tasks[2]),
                Kpi.Measure.ratio(tasks[1], tasks[0]), DEF_TASKS));
        out.add(new Kpi("ai-adoption", "AI推荐采纳率", Kpi.Kind.RATIO, Kpi.Measure.ratio(adoptNow.adopted(), adoptNow.decided()),
                Kpi.Measure.ratio(adoptBefore.adopted(), adoptBefore.decided()), DEF_ADOPTION));
        return out;
    }

    /**
     * The lead figures of the previous period [0] and of the period [1] in one statement over both: counts, reach
     * and the median time to first contact. One range scan of the leads by (corp_id, created_at); the first contact
     * is a column of the lead, so no lead's events are read. The median is taken with window functions (ROW_NUMBER and COUNT OVER,
     * available in MySQL 8, MariaDB 10.2+ and H2 2): the mean of the middle one or two contacted leads ordered by delay.
     */
    LeadCounts[] leadCounts(DashboardFilter f, Instant now) {
        String perLead = "select case when c.created_at >= :from then 1 else 0 end as cur, c.created_at as created_at,"
                + " case when exists (select 1 from opportunity o where o.customer_id = c.id) then 1 else 0 end as has_opp,"
                + " case when exists (select 1 from opportunity o where o.customer_id = c.id and o.stage = 'WON') then 1 else 0 end as has_won,"
                + " timestampdiff(SECOND, c.created_at, c.first_contact_at) as delay"
                + " from customer c where " + leadWhere(f);
        String ranked = "select y.cur as cur, y.created_at as created_at, y.has_opp as has_opp, y.has_won as has_won,"
                + " y.delay as delay,"
                + " row_number() over (partition by y.cur, case when y.delay is null then 1 else 0 end order by y.delay) as rn,"
                + " floor((count(y.delay) over (partition by y.cur) + 1) / 2) as lo,"
                + " floor((count(y.delay) over (partition by y.cur) + 2) / 2) as hi"
                + " from (" + perLead + ") y";
        String inTime = "z.delay is not null and z.delay <= :window";
        String sql = "select z.cur, count(*), sum(z.has_opp), sum(z.has_won), count(z.delay),"
                + " sum(case when " + inTime + " then 1 else 0 end),"
                + " sum(case when z.created_at <= :cutoff or (" + inTime + ") then 1 else 0 end),"
                + " avg(case when z.delay is not null and (z.rn = z.lo or z.rn = z.hi) then z.delay end)"
                + " from (" + ranked + ") z group by z.cur";
        Query q = em.createNativeQuery(sql)
                .setParameter("corp", f.corpId())
                .setParameter("start", f.period().previous().start())
                .setParameter("end", f.period().end())
                .setParameter("from", f.period().start())
                .setParameter("window", config.reachWindow().toSeconds())
                .setParameter("cutoff", now.minus(config.reachWindow()));
        if (f.forOneRep()) {
            q.setParameter("rep", f.repId());
        }
        LeadCounts[] out = {LeadCounts.NONE, LeadCounts.NONE};
        for (Object[] r : rows(q)) {
            out[(int) Cells.count(r[0])] = new LeadCounts(Cells.count(r[1]), Cells.count(r[2]), Cells.count(r[3]),
                    Cells.count(r[4]), Cells.count(r[5]), Cells.count(r[6]), Cells.number(r[7]));
        }
        return out;
    }

    /** Tasks due in the previous period [0 due, 1 on time] and in the period [2 due, 3 on time], only those already due. */
    long[] taskCounts(DashboardFilter f, Instant now) {
        Instant end = f.period().end().isBefore(now) ? f.period().end() : now;
        String sql = "select x.cur, count(*), sum(x.on_time) from (select case when t.due_at >= :from then 1 else 0 end as cur,"
                + " case when t.status = 'DONE' and t.completed_at is not null and t.completed_at <= t.due_at then 1 else 0 end as on_time"
                + " from task t where t.corp_id = :corp and t.due_at >= :start and t.due_at < :end and t.status <> 'CANCELLED'"
                + (f.forOneRep() ? " and t.assignee_id = :rep" : "") + ") x group by x.cur";
        Query q = em.createNativeQuery(sql).setParameter("corp", f.corpId())
                .setParameter("start", f.period().previous().start()).setParameter("end", end)
                .setParameter("from", f.period().start());
        if (f.forOneRep()) {
            q.setParameter("rep", f.repId());
        }
        long[] out = new long[4];
        for (Object[] r : rows(q)) {
            int at = (int) Cells.count(r[0]) * 2;
            out[at] = Cells.count(r[1]);
            out[at + 1] = Cells.count(r[2]);
        }
        return out;
    }

    /** Leads of the period by channel and campaign, with conversion and won amount (WON opportunities of those leads). */
    List<ChannelRow> channels(DashboardFilter f) {
        String sql = "select x.channel, x.campaign_id, count(*), sum(x.has_opp), sum(x.has_won), sum(x.won_amount) from ("
                + " select c.source_channel as channel, c.campaign_id as campaign_id,"
                + " case when exists (select 1 from opportunity o where o.customer_id = c.id) then 1 else 0 end as has_opp,"
                + " case when exists (select 1 from opportunity o where o.customer_id = c.id and o.stage = 'WON') then 1 else 0 end as has_won,"
                + " (select sum(o.amount) from opportunity o where o.customer_id = c.id and o.stage = 'WON') as won_amount"
                + " from customer c where " + leadWhere(f) + ") x group by x.channel, x.campaign_id";
        Query q = em.createNativeQuery(sql).setParameter("corp", f.corpId())
                .setParameter("start", f.period().start()).setParameter("end", f.period().end());
        if (f.forOneRep()) {
            q.setParameter("rep", f.repId());
        }
        List<Object[]> rows = rows(q);
        Map<Long, String> campaigns = new HashMap<>();
        List<Long> ids = rows.stream().filter(r -> r[1] != null).map(r -> Cells.count(r[1])).distinct().toList();
        if (!ids.isEmpty()) {
            Campaign.<Campaign>list("id in ?1", ids).forEach(c -> campaigns.put(c.id, c.name));
        }
        List<ChannelRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            String channel = Cells.text(r[0]);
            Long campaignId = r[1] == null ? null : Cells.count(r[1]);
            out.add(new ChannelRow(channel, ChannelRow.label(channel), campaignId,
                    campaignId == null ? "（无活动）" : campaigns.getOrDefault(campaignId, "活动 #" + campaignId),
                    Cells.count(r[2]), Cells.count(r[3]), Cells.count(r[4]), Cells.money(r[5])));
        }
        out.sort(Comparator.comparingLong(ChannelRow::leads).reversed().thenComparing(ChannelRow::channelLabel)
                .thenComparing(ChannelRow::campaignName));
        return out;
    }

    /** Leads created in [:start, :end): active customers with a source channel (and the rep's own, if filtered). */
    private static String leadWhere(DashboardFilter f) {
        return "c.corp_id = :corp and c.created_at >= :start and c.created_at < :end and c.source_channel is not null"
                + " and c.status = 'ACTIVE'" + (f.forOneRep() ? " and c.owner_id = :rep" : "");
    }

    private static Actions.RepAdoption total(List<Actions.RepAdoption> rows) {
        return new Actions.RepAdoption(null, "团队合计", rows.stream().mapToLong(Actions.RepAdoption::confirmed).sum(),
                rows.stream().mapToLong(Actions.RepAdoption::executed).sum(),
                rows.stream().mapToLong(Actions.RepAdoption::dismissed).sum());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    record LeadCounts(long leads, long withOpportunity, long won, long contacted, long reachedInTime, long reachEligible,
                      Double medianDelay) {
        static final LeadCounts NONE = new LeadCounts(0, 0, 0, 0, 0, 0, null);
    }
}
