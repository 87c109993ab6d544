package com.qingke.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of this deployment that are not owned by one feature. */
@ConfigMapping(prefix = "qingke")
public interface QingkeConfig {

    /** The WeCom corp this deployment serves; every row carries it. */
    @WithDefault("ww-demo-corp")
    String corpId();

    /** Public base URL of the app, used in tracked links and OAuth redirects. */
    @WithDefault("http://localhost:8080")
    String publicUrl();
}
