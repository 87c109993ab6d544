package com.qingke.inbox;

public enum InboxStatus {
    PENDING, DONE, FAILED, IGNORED
}
