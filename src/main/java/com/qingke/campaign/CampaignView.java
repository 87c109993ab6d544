package com.qingke.campaign;

import com.qingke.customer.Channel;
import java.time.Instant;

/**
 * A campaign with what it brought.
 *
 * @param qrUrl     the QR picture (OA_QR: showqrcode; WECOM_QR: the contact way's QR)
 * @param formUrl   WEB_FORM: the lead form link to publish
 * @param leadCount customers attributed to the campaign (first touch)
 */
public record CampaignView(Long id, String code, String name, Channel channel, Long ownerId, String ownerName, boolean permanent,
                           String qrUrl, String formUrl, Instant expiresAt, boolean expired, long leadCount, Instant createdAt) {
}
