package com.qingke.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The manager workbench: periods, lists and the definitions behind the KPIs (docs/KPIS.md). */
@ConfigMapping(prefix = "qingke.dashboard")
public interface DashboardConfig {

    /** Periods are whole days in this zone: [from 00:00, to 00:00). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Length of the default period, ending with today. */
    @WithDefault("30")
    int defaultPeriodDays();

    /** Longest period a manager may select, so one request cannot scan years of data. */
    @WithDefault("366")
    int maxPeriodDays();

    /** Reach efficiency: a lead counts as reached in time if first contacted within this long of its creation. */
    @WithDefault("PT24H")
    Duration reachWindow();

    /** Customer behaviour shown as "key events" under recently active customers (DB-03). */
    @WithDefault("SCAN,SUBSCRIBE,FORM_SUBMITTED,ADDED_WECOM,CHAT,PAGE_VIEW,VIEWED_QUOTE,DOWNLOADED_MATERIAL,MENU_CLICK,DELETED_BY_CUSTOMER,UNSUBSCRIBE")
    List<String> keyEventTypes();

    /** How many recently active customers DB-03 lists. */
    @WithDefault("20")
    int activeCustomers();

    /** How many key events are shown per active customer. */
    @WithDefault("3")
    int eventsPerCustomer();

    /** How often the page refreshes DB-03 without a reload. */
    @WithDefault("PT15S")
    Duration liveRefresh();

    /** Rows of the on-page lists (opportunities, open actions); CSV exports return up to {@link #exportRows()}. */
    @WithDefault("50")
    int listRows();

    @WithDefault("10000")
    int exportRows();

    /** Open recommended actions at or above this priority are "high". */
    @WithDefault("85")
    int highPriority();

    /** Open recommended actions at or above this priority (and below high) are "medium"; the rest are "low". */
    @WithDefault("70")
    int mediumPriority();

    /** How long the period figures (KPIs, funnel, win rates, actions, channels) of one filter are reused. */
    @WithDefault("PT5M")
    Duration cacheTtl();

    /** How often the default view is recomputed in the background ("off" to disable); below the cache TTL. */
    @WithDefault("PT4M")
    String warmUpEvery();

    /** How many distinct dismissal reasons are listed. */
    @WithDefault("10")
    int dismissReasons();
}
