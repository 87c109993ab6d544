package com.qingke.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo mode: whether to fill an empty corp with the demo data set at start-up, and which one. */
@ConfigMapping(prefix = "qingke.demo")
public interface DemoConfig {

    /** Load the demo data set into the corp at start-up when the corp has no customers (true only in the demo profile). */
    @WithDefault("false")
    boolean loadOnStart();

    /** Seed of the demo data set; the fake WeCom server must use the same one to agree on contacts. */
    @WithDefault("20260601")
    long seed();

    /** demo, small, benchmark or a number of customers. */
    @WithDefault("demo")
    String size();
}
