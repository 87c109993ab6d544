package com.qingke.demo;

import java.time.Duration;

/** What one load wrote, and how long it took. */
public record LoadReport(String corpId, long customers, long identities, long followers, long events,
                         long opportunities, long stageChanges, long decisionContacts, long tasks, long trackedLinks,
                         Duration elapsed) {

    public long rows() {
        return customers + identities + followers + events + opportunities + stageChanges + decisionContacts + tasks
                + trackedLinks;
    }

    @Override
    public String toString() {
        return String.format("%d customers, %d identity links, %d followers, %d events, %d opportunities,"
                        + " %d stage changes, %d decision contacts, %d tasks, %d tracked links (%d rows) in %.1f s",
                customers, identities, followers, events, opportunities, stageChanges, decisionContacts, tasks,
                trackedLinks, rows(), elapsed.toMillis() / 1000.0);
    }
}
