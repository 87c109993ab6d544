package com.qingke.dashboard;

/** What the manager looks at: a period and optionally one rep (employee id) instead of the whole team. */
public record DashboardFilter(String corpId, Period period, Long repId) {

    public boolean forOneRep() {
        return repId != null;
    }

    public DashboardFilter previous() {
        return new DashboardFilter(corpId, period.previous(), repId);
    }
}
