package com.qingke.inbox;

public enum InboxSource {
    WECOM, OFFICIAL_ACCOUNT, WEB_FORM
}
