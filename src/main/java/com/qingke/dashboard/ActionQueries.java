package com.qingke.dashboard;

import com.qingke.recommendation.ActionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DB-04 queries. Open = PROPOSED or CONFIRMED now; decisions are counted by decided_at in the period. */
@ApplicationScoped
class ActionQueries {
    static final List<ActionStatus> OPEN = List.of(ActionStatus.PROPOSED, ActionStatus.CONFIRMED);
    static final List<ActionStatus> DECIDED = List.of(ActionStatus.CONFIRMED, ActionStatus.EXECUTED, ActionStatus.DISMISSED);

    private final EntityManager em;
    private final DashboardConfig config;
    private final People people;

    ActionQueries(EntityManager em, DashboardConfig config, People people) {
        this.em = em;
        this.config = config;
        this.people = people;
    }

    Actions actions(DashboardFilter f, Instant now, int listLimit) {
        List<Actions.RepLoad> byRep = load(f);
        long proposed = byRep.stream().mapToLong(Actions.RepLoad::proposed).sum();
        long confirmed = byRep.stream().mapToLong(Actions.RepLoad::confirmed).sum();
        List<Actions.RepAdoption> adoption = adoption(f);
        Actions.RepAdoption team = new Actions.RepAdoption(null, "团队合计",
                adoption.stream().mapToLong(Actions.RepAdoption::confirmed).sum(),
                adoption.stream().mapToLong(Actions.RepAdoption::executed).sum(),
                adoption.stream().mapToLong(Actions.RepAdoption::dismissed).sum());
        return new Actions(proposed + confirmed, proposed, confirmed, listLimit == 0 ? List.of() : open(f, now, listLimit), byRep, adoption, team,
                dismissReasons(f));
    }

    /**
     * The open actions, highest priority first and oldest first within a priority. One query per open status: with
     * a single status, index ix_action_open_list (or ix_action_owner_open_list for one rep) is already in this order,
     * so each query reads {@code limit} rows whatever the backlog; "status in (…)" would have to sort every open
     * action. The two short lists are merged here.
     */
    List<Actions.OpenAction> open(DashboardFilter f, Instant now, int limit) {
        List<Object[]> rows = new ArrayList<>();
        for (ActionStatus status : OPEN) {
            TypedQuery<Object[]> q = em.createQuery("select a.id, a.priority, a.title, c.name, a.ownerId, a.status, a.createdAt"
                    + " from RecommendedAction a join Customer c on c.id = a.customerId"
                    + " where a.corpId = :corp and a.status = :status" + (f.forOneRep() ? " and a.ownerId = :rep" : "")
                    + " order by a.priority desc, a.createdAt asc, a.id asc", Object[].class)
                    .setParameter("corp", f.corpId()).setParameter("status", status).setMaxResults(limit);
            if (f.forOneRep()) {
                q.setParameter("rep", f.repId());
            }
            rows.addAll(q.getResultList());
        }
        rows.sort(Comparator.<Object[]>comparingInt(r -> -(Integer) r[1]).thenComparing(r -> (Instant) r[6])
                .thenComparingLong(r -> (Long) r[0]));
        Map<Long, String> names = people.names(f.corpId());
        return rows.stream().limit(limit).map(r -> {
            int priority = (Integer) r[1];
            ActionStatus status = (ActionStatus) r[5];
            Instant created = (Instant) r[6];
            return new Actions.OpenAction((Long) r[0], priority, band(priority), (String) r[2], (String) r[3],
                    names.getOrDefault((Long) r[4], "未分配"), status.name(), statusLabel(status),
                    Fmt.dateTime(created, config.zone()), Fmt.age(created, now));
        }).toList();
    }

    /** Open actions per rep and priority band; grouped by the raw priority in SQL, banded here (few distinct values). */
    List<Actions.RepLoad> load(DashboardFilter f) {
        TypedQuery<Object[]> q = em.createQuery("select a.ownerId, a.priority, a.status, count(a) from RecommendedAction a"
                + " where a.corpId = :corp and a.status in :open" + (f.forOneRep() ? " and a.ownerId = :rep" : "")
                + " group by a.ownerId, a.priority, a.status", Object[].class)
                .setParameter("corp", f.corpId()).setParameter("open", OPEN);
        if (f.forOneRep()) {
            q.setParameter("rep", f.repId());
        }
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (Object[] r : q.getResultList()) {
            long[] c = counts.computeIfAbsent((Long) r[0], k -> new long[5]);
            int priority = (Integer) r[1];
            long n = (Long) r[3];
            c[priority >= config.highPriority() ? 0 : priority >= config.mediumPriority() ? 1 : 2] += n;
            c[r[2] == ActionStatus.PROPOSED ? 3 : 4] += n;
        }
        Map<Long, String> names = people.names(f.corpId());
        List<Actions.RepLoad> out = new ArrayList<>();
        counts.forEach((owner, c) -> out.add(new Actions.RepLoad(owner, names.getOrDefault(owner, "未分配"),
                c[0], c[1], c[2], c[3], c[4])));
        out.sort(Comparator.comparingLong(Actions.RepLoad::total).reversed().thenComparing(Actions.RepLoad::ownerName));
        return out;
    }

    /** Decisions taken in the period, per owner. SUPERSEDED actions were never decided by a rep and are left out. */
    List<Actions.RepAdoption> adoption(DashboardFilter f) {
        TypedQuery<Object[]> q = em.createQuery("select a.ownerId, a.status, count(a) from RecommendedAction a"
                + " where a.corpId = :corp and a.decidedAt >= :from and a.decidedAt < :to and a.status in :decided"
                + (f.forOneRep() ? " and a.ownerId = :rep" : "") + " group by a.ownerId, a.status", Object[].class)
                .setParameter("corp", f.corpId()).setParameter("from", f.period().start())
                .setParameter("to", f.period().end()).setParameter("decided", DECIDED);
        if (f.forOneRep()) {
            q.setParameter("rep", f.repId());
        }
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (Object[] r : q.getResultList()) {
            long[] c = counts.computeIfAbsent((Long) r[0], k -> new long[3]);
            c[((ActionStatus) r[1]) == ActionStatus.CONFIRMED ? 0 : r[1] == ActionStatus.EXECUTED ? 1 : 2] += (Long) r[2];
        }
        Map<Long, String> names = people.names(f.corpId());
        List<Actions.RepAdoption> out = new ArrayList<>();
        counts.forEach((owner, c) -> out.add(new Actions.RepAdoption(owner, names.getOrDefault(owner, "未分配"), c[0], c[1], c[2])));
        out.sort(Comparator.comparingLong(Actions.RepAdoption::decided).reversed().thenComparing(Actions.RepAdoption::ownerName));
        return out;
    }

    List<Actions.DismissReason> dismissReasons(DashboardFilter f) {
        TypedQuery<Object[]> q = em.createQuery("select coalesce(a.dismissReason, ''), count(a) from RecommendedAction a"
                + " where a.corpId = :corp and a.status = :dismissed and a.decidedAt >= :from and a.decidedAt < :to"
                + (f.forOneRep() ? " and a.ownerId = :rep" : "")
                + " group by coalesce(a.dismissReason, '') order by count(a) desc, coalesce(a.dismissReason, '')", Object[].class)
                .setParameter("corp", f.corpId()).setParameter("dismissed", ActionStatus.DISMISSED)
                .setParameter("from", f.period().start()).setParameter("to", f.period().end());
        if (f.forOneRep()) {
            q.setParameter("rep", f.repId());
        }
        List<Object[]> rows = q.getResultList();
        long total = rows.stream().mapToLong(r -> (Long) r[1]).sum();
        return rows.stream().limit(config.dismissReasons())
                .map(r -> new Actions.DismissReason(((String) r[0]).isBlank() ? "（未填写）" : (String) r[0], (Long) r[1],
                        Fmt.ratio((Long) r[1], total)))
                .toList();
    }

    String band(int priority) {
        return priority >= config.highPriority() ? "高" : priority >= config.mediumPriority() ? "中" : "低";
    }

    static String statusLabel(ActionStatus s) {
        return switch (s) {
            case PROPOSED -> "待确认";
            case CONFIRMED -> "已确认待执行";
            case EXECUTED -> "已执行";
            case DISMISSED -> "已忽略";
            case SUPERSEDED -> "已失效";
        };
    }
}
