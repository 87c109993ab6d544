package com.qingke.lead;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The public lead form (/lead-form). */
@ConfigMapping(prefix = "qingke.lead-form")
public interface LeadFormConfig {

    /**
     * The consent sentence next to the checkbox; stored on the customer with the time of consent (PIPL art. 14/17).
     * At most 255 characters.
     */
    @WithDefault("我已阅读并同意《个人信息处理说明》，同意贵司为联系我、提供产品咨询而处理我填写的姓名、手机号、公司与需求信息。")
    String consentText();

    /** Who processes the data, shown in the notice (the SME's name). */
    @WithDefault("本公司")
    String controllerName();

    RateLimit rateLimit();

    /**
     * Submissions allowed per client IP in a sliding window (at most 100). Counted in the database
     * (rate_limit_window), so the limit holds across all instances of the app.
     */
    interface RateLimit {
        @WithDefault("5")
        int maxSubmissions();

        @WithDefault("PT1M")
        Duration window();
    }
}
