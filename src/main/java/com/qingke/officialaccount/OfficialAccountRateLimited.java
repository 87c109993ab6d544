package com.qingke.officialaccount;

/** errcode 45009: the daily or per-minute quota is used up; the gateway backs off and retries. */
public class OfficialAccountRateLimited extends OfficialAccountException {
    public OfficialAccountRateLimited(String message, Throwable cause) {
        super(45009, message, cause);
    }
}
