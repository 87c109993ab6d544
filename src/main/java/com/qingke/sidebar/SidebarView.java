package com.qingke.sidebar;

import com.qingke.customer.CustomerView;
import com.qingke.opportunity.OpportunityView;
import com.qingke.timeline.TimelineEventView;
import java.time.Instant;
import java.util.List;

/**
 * Everything the sidebar's first screen shows, in one response (spec CP-01..05, OP-01..04).
 *
 * @param customer      profile (phone masked unless the rep owns the customer) with intent grade, score, reasons
 *                      ("why") and risk tags
 * @param ownerName     the owning rep's name
 * @param mine          the signed-in employee owns the customer
 * @param events        the latest key events, newest first; {@code moreEvents} tells whether older ones exist
 * @param actions       open recommended actions, highest priority first
 * @param opportunity   the main opportunity (the open one moved most recently), or null
 * @param opportunities all of the customer's opportunities, main first
 * @param tasks         open follow-up tasks, soonest due first
 */
public record SidebarView(CustomerView customer, String ownerName, boolean mine, List<TimelineEventView> events,
                          boolean moreEvents, List<SidebarAction> actions, OpportunityView opportunity,
                          List<OpportunityView.Summary> opportunities, List<Task> tasks,
                          List<OpportunityView.StageOption> stages, Instant loadedAt) {

    public record Task(Long id, String title, Instant dueAt, Long opportunityId, Long actionId) {
    }
}
