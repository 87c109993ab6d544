package com.qingke.identity;

import java.util.List;

/**
 * The outcome of identity resolution: the one customer the identifiers belong to, whether it was just created, the
 * merges this arrival caused and the merge suggestions it raised for a rep to decide.
 */
public record ResolvedCustomer(long customerId, boolean created, List<Long> mergeIds, List<Long> suggestionIds) {
    public ResolvedCustomer {
        mergeIds = List.copyOf(mergeIds);
        suggestionIds = List.copyOf(suggestionIds);
    }
}
