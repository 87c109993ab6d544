package com.qingke.material;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Material library and tracked links. */
@ConfigMapping(prefix = "qingke.material")
public interface MaterialConfig {

    /** Opening the same tracked link again within this window is not a new behaviour event (refreshes, previews). */
    @WithDefault("PT10M")
    Duration repeatOpenWindow();
}
