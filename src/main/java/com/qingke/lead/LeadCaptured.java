package com.qingke.lead;

/**
 * Fired when a lead created a customer or an opportunity, inside the capturing transaction; observers that talk to
 * the outside (the owner's WeCom notification) write to the outbox there, so their work commits with the lead.
 */
public record LeadCaptured(String corpId, long customerId, Long opportunityId, Long ownerId, String ownerUserId, boolean newCustomer,
                           String customerName, String company, String channelLabel, String campaignName,
                           String intentGrade) {
}
