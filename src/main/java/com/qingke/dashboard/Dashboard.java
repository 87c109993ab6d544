package com.qingke.dashboard;

import java.util.List;

/** Everything the workbench page shows for one filter, as plain records (also the JSON of /dashboard/api/summary). */
public record Dashboard(String periodLabel, String from, String to, String previousLabel, Long repId, String repName,
                        List<Kpi> kpis, Pipeline pipeline, Actions actions, List<ActiveCustomer> activeCustomers,
                        List<ChannelRow> channels, String dataAsOf, String generatedAt) {

    /** The same period figures with the live part (DB-03) and the render time replaced. */
    Dashboard withLive(List<ActiveCustomer> active, String now) {
        return new Dashboard(periodLabel, from, to, previousLabel, repId, repName, kpis, pipeline, actions, active,
                channels, dataAsOf, now);
    }

    public String adoptionDefinition() {
        return KpiQueries.DEF_ADOPTION;
    }
}
