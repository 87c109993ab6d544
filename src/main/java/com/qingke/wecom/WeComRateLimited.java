package com.qingke.wecom;

/** WeCom's frequency limit (45009): the gateway backs off and retries. */
public class WeComRateLimited extends WeComException {
    public WeComRateLimited(String message) {
        super(FREQUENCY_LIMIT, message);
    }
}
