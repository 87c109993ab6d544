package com.qingke.recommendation;

/** MESSAGE goes into the chat, TASK becomes a CRM task, ALERT only informs the rep. */
public enum ActionKind {
    MESSAGE, TASK, ALERT
}
