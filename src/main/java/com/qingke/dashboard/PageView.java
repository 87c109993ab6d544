package com.qingke.dashboard;

import java.util.List;

/** What the page needs besides the figures: the filter controls, links and the chart data as JSON. */
public record PageView(String userName, List<RepOption> reps, List<Link> presets, List<Link> sorts, String query,
                       String chartsJson, long refreshSeconds, String liveUrl, String error) {

    public record RepOption(long id, String name, boolean selected) {
    }

    public record Link(String label, String href, boolean active) {
    }

    /** The CSV link of one table, with the page's filter. */
    public String csv(String table) {
        return "/dashboard/export/" + table + ".csv" + query;
    }
}
