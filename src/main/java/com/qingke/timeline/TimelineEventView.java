package com.qingke.timeline;

import java.time.Instant;

/**
 * One key event on a customer's timeline as the sidebar shows it.
 *
 * @param label    what happened, in Chinese ("查看报价单")
 * @param text     the detail worth reading (the note, the call summary, the material's title); may be null
 * @param employee the name of the employee involved, if any
 */
public record TimelineEventView(Long id, EventType type, String label, String text, Instant occurredAt, String source,
                                Long employeeId, String employee) {
}
