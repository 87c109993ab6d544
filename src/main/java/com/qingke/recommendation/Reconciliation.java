package com.qingke.recommendation;

import java.util.List;

/**
 * What an analysis did to the customer's actions.
 *
 * @param proposed   ids of new PROPOSED actions
 * @param superseded ids of PROPOSED actions whose rule no longer fires
 * @param kept       rules that fired and already had an open action
 * @param resting    rules that fired but were dismissed or executed for this customer recently
 */
public record Reconciliation(List<Long> proposed, List<Long> superseded, List<String> kept, List<String> resting) {
}
