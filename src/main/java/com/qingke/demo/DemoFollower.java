package com.qingke.demo;

import java.time.Instant;

/**
 * WeCom follow_user: the rep {@code userId} has the customer as an external contact. {@code addWay} uses WeCom's
 * codes (1 scanned a contact-way QR, 2 searched the phone number, 3 shared card, 201 shared by a colleague, 202
 * assigned by an admin); {@code state} is the contact-way state (a campaign code) when added through one.
 */
public record DemoFollower(String userId, String remark, int addWay, String state, Instant createdAt) {
}
