package com.qingke.lead;

import java.util.List;

/**
 * What {@link LeadCapture} did with an arrival.
 *
 * @param customerId    the one customer of this person (null only when an ACTIVITY_OF_KNOWN arrival matched nobody)
 * @param duplicate     the idempotency key was seen before: nothing new was recorded
 * @param opportunityId the open opportunity the lead created (null if none was created)
 */
public record LeadResult(Long customerId, boolean newCustomer, boolean duplicate, Long eventId, Long opportunityId,
                         Long ownerId, List<Long> mergeIds, List<Long> suggestionIds) {

    public LeadResult {
        mergeIds = List.copyOf(mergeIds);
        suggestionIds = List.copyOf(suggestionIds);
    }

    static LeadResult unknown() {
        return new LeadResult(null, false, false, null, null, null, List.of(), List.of());
    }

    static LeadResult duplicateOf(long customerId, Long eventId, Long ownerId) {
        return new LeadResult(customerId, false, true, eventId, null, ownerId, List.of(), List.of());
    }

    public boolean matched() {
        return customerId != null;
    }
}
