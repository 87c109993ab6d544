package com.qingke.recommendation;

import com.qingke.material.TrackedLinkView;

/**
 * A confirmed message to deliver to one customer on behalf of a rep.
 *
 * @param senderUserId the rep's WeCom userid (the sender of the group-send task)
 * @param text         the final text (tracked link already in it when the draft had one)
 * @param link         the material's tracked link for a news/link attachment, or null
 */
public record DeliveryRequest(String corpId, long actionId, long customerId, long senderEmployeeId, String senderUserId,
                              String text, TrackedLinkView link) {
}
