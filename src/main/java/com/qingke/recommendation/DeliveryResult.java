package com.qingke.recommendation;

/**
 * @param accepted  the channel took the message (for group-send: the task was created)
 * @param reference the channel's id for it (e.g. msgid), may be null
 * @param detail    a short explanation, shown when not accepted
 */
public record DeliveryResult(boolean accepted, String reference, String detail) {
}
