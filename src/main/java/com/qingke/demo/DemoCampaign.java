package com.qingke.demo;

import com.qingke.customer.Channel;
import java.time.Instant;

/**
 * A lead channel of the demo corp. {@code code} (≤ 30 characters) is the OA QR scene_str, the WeCom contact-way
 * state or the form's channel parameter; {@code ownerUserId} is set for a rep's personal WeCom QR.
 */
public record DemoCampaign(String code, String name, Channel channel, String ownerUserId, String wecomConfigId,
                           boolean permanent, Instant expiresAt, Instant createdAt) {
}
