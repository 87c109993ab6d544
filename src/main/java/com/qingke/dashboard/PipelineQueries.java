package com.qingke.dashboard;

import com.qingke.opportunity.Stage;
import com.qingke.scoring.ModelSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** DB-01 and DB-02 queries; every aggregate runs in the database. */
@ApplicationScoped
class PipelineQueries {
    /** Funnel rank of a stage: how far along it is; LOST has none (a lost deal's rank comes from its history). */
    private static final String RANK_OF = "case %s when 'INITIAL' then 0 when 'QUALIFIED' then 1 when 'PROPOSAL' then 2"
            + " when 'NEGOTIATION' then 3 when 'WON' then 4 else 0 end";
    private static final Stage[] FUNNEL = {Stage.INITIAL, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION, Stage.WON};

    private final EntityManager em;
    private final ModelCards cards;

    PipelineQueries(EntityManager em, ModelCards cards) {
        this.em = em;
        this.cards = cards;
    }

    /** Opportunities created in the period by the furthest stage they reached, cumulated into funnel steps. */
    List<Pipeline.FunnelStep> funnel(DashboardFilter f) {
        String sql = "select greatest(coalesce(x.hist_rank, 0), x.cur_rank) as reached, count(*), sum(x.amount) from ("
                + " select o.amount as amount, " + String.format(RANK_OF, "o.stage") + " as cur_rank,"
                + " (select max(" + String.format(RANK_OF, "h.to_stage") + ") from opportunity_stage_history h"
                + " where h.opportunity_id = o.id) as hist_rank"
                + " from opportunity o where o.corp_id = :corp and o.created_at >= :from and o.created_at < :to"
                + (f.forOneRep() ? " and o.owner_id = :rep" : "")
                + ") x group by greatest(coalesce(x.hist_rank, 0), x.cur_rank)";
        long[] counts = new long[FUNNEL.length];
        BigDecimal[] amounts = new BigDecimal[FUNNEL.length];
        java.util.Arrays.fill(amounts, BigDecimal.ZERO);
        for (Object[] row : rows(bind(em.createNativeQuery(sql), f))) {
            int reached = (int) Cells.count(row[0]);
            for (int step = 0; step <= reached && step < FUNNEL.length; step++) {
                counts[step] += Cells.count(row[1]);
                amounts[step] = amounts[step].add(Cells.money(row[2]));
            }
        }
        List<Pipeline.FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < FUNNEL.length; i++) {
            steps.add(new Pipeline.FunnelStep(FUNNEL[i], FUNNEL[i].label(), counts[i], amounts[i], Fmt.ratio(counts[i], counts[0])));
        }
        return steps;
    }

    /** Opportunities created in the period by current stage, every stage listed (zero included). */
    List<Pipeline.StageShare> distribution(DashboardFilter f) {
        String sql = "select o.stage, count(*), sum(o.amount) from opportunity o where o.corp_id = :corp"
                + " and o.created_at >= :from and o.created_at < :to" + (f.forOneRep() ? " and o.owner_id = :rep" : "")
                + " group by o.stage";
        Map<Stage, Object[]> byStage = new EnumMap<>(Stage.class);
        long total = 0;
        for (Object[] row : rows(bind(em.createNativeQuery(sql), f))) {
            byStage.put(Stage.valueOf(Cells.text(row[0])), row);
            total += Cells.count(row[1]);
        }
        List<Pipeline.StageShare> out = new ArrayList<>();
        for (Stage s : Stage.values()) {
            Object[] row = byStage.get(s);
            long count = row == null ? 0 : Cells.count(row[1]);
            out.add(new Pipeline.StageShare(s, s.label(), count, row == null ? BigDecimal.ZERO : Cells.money(row[2]),
                    Fmt.ratio(count, total)));
        }
        return out;
    }

    /** Open opportunities now (the period does not apply): mean predicted win rate and expected amount per stage. */
    List<Pipeline.StageWinRate> winRateByStage(String corpId, Long repId) {
        String sql = "select o.stage, count(*), count(o.win_rate), avg(o.win_rate), sum(o.amount),"
                + " sum(o.amount * o.win_rate) from opportunity o where o.corp_id = :corp"
                + " and o.stage in ('INITIAL', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION')"
                + (repId != null ? " and o.owner_id = :rep" : "") + " group by o.stage";
        Query q = em.createNativeQuery(sql).setParameter("corp", corpId);
        if (repId != null) {
            q.setParameter("rep", repId);
        }
        Map<Stage, Object[]> byStage = new EnumMap<>(Stage.class);
        for (Object[] row : rows(q)) {
            byStage.put(Stage.valueOf(Cells.text(row[0])), row);
        }
        List<Pipeline.StageWinRate> out = new ArrayList<>();
        for (Stage s : Stage.open()) {
            Object[] row = byStage.get(s);
            out.add(row == null
                    ? new Pipeline.StageWinRate(s, s.label(), 0, 0, null, BigDecimal.ZERO, BigDecimal.ZERO)
                    : new Pipeline.StageWinRate(s, s.label(), Cells.count(row[1]), Cells.count(row[2]), Cells.number(row[3]),
                    Cells.money(row[4]), Cells.money(row[5])));
        }
        return out;
    }

    /** Open opportunities now, with their predicted win rate, in the chosen order. */
    List<Pipeline.OpportunityRow> opportunities(String corpId, Long repId, OpportunitySort sort, int limit,
                                                java.time.ZoneId zone) {
        String hql = "select o.id, o.name, c.name, e.name, o.stage, o.amount, o.winRate, o.stageChangedAt, o.createdAt"
                + " from Opportunity o join Customer c on c.id = o.customerId left join Employee e on e.id = o.ownerId"
                + " where o.corpId = :corp and o.stage in :open" + (repId != null ? " and o.ownerId = :rep" : "")
                + " order by " + sort.orderBy() + ", o.id";
        var q = em.createQuery(hql, Object[].class).setParameter("corp", corpId).setParameter("open", List.of(Stage.open()))
                .setMaxResults(limit);
        if (repId != null) {
            q.setParameter("rep", repId);
        }
        return q.getResultList().stream().map(r -> new Pipeline.OpportunityRow((Long) r[0], (String) r[1], (String) r[2],
                (String) r[3], (Stage) r[4], (BigDecimal) r[5], (Double) r[6],
                Fmt.dateTime((java.time.Instant) r[7], zone), Fmt.dateTime((java.time.Instant) r[8], zone))).toList();
    }

    /** The active win-rate model of the corp, newest first if several claim to be active. */
    ModelQuality model(String corpId, java.time.ZoneId zone) {
        List<ModelSnapshot> active = ModelSnapshot.find("corpId = ?1 and kind = ?2 and active = true order by createdAt desc, id desc",
                corpId, "WIN_RATE").page(0, 1).list();
        return active.isEmpty() ? ModelQuality.none() : cards.quality(active.get(0), zone);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static Query bind(Query q, DashboardFilter f) {
        q.setParameter("corp", f.corpId()).setParameter("from", f.period().start()).setParameter("to", f.period().end());
        if (f.forOneRep()) {
            q.setParameter("rep", f.repId());
        }
        return q;
    }
}
