package com.qingke.sidebar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qingke.sidebar")
public interface SidebarConfig {

    /** Events on the first screen; older ones load on scroll, a page of the same size at a time. */
    @WithDefault("50")
    int eventPageSize();

    /** Largest page a client may ask for. */
    @WithDefault("100")
    int maxEventPage();

    /** Customers in the demo bridge's picker. */
    @WithDefault("100")
    int pickerLimit();

    /**
     * Offer the demo bridge (pick the customer, record instead of sending) when the page is opened outside WeCom.
     * On in the demo and test profiles only: in production the sidebar works inside the WeCom client alone.
     */
    @WithDefault("false")
    boolean demoBridge();
}
