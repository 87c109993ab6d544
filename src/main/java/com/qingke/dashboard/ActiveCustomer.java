package com.qingke.dashboard;

import java.util.List;

/** DB-03 客户动态: a recently active customer and its latest key events. */
public record ActiveCustomer(long customerId, String name, String company, String ownerName, String intentGrade,
                             String lastActivityAt, String lastActivityAgo, List<KeyEvent> events) {

    public record KeyEvent(String type, String label, String occurredAt, String detail) {
    }

    public String eventsText() {
        return String.join("；", events.stream().map(e -> e.occurredAt() + " " + e.label()
                + (e.detail().isEmpty() ? "" : "（" + e.detail() + "）")).toList());
    }
}
