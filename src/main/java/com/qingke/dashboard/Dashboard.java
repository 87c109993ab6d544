package com.qingke.dashboard;

import java.util.List;

/** Everything the workbench page shows for one filter, as plain records (also the JSON of /dashboard/api/summary). */
public record Dashboard(String periodLabel, String from, String to, String previousLabel, Long repId, String repName,
                        List<Kpi> kpis, Pipeline pipeline, Actions actions, List<ActiveCustomer> activeCustomers,
                        List<ChannelRow> channels, String generatedAt) {

    public String adoptionDefinition() {
        return KpiQueries.DEF_ADOPTION;
    }
}
