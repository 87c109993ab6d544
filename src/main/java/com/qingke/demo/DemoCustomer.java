package com.qingke.demo;

import com.qingke.customer.Channel;
import com.qingke.customer.LifecycleStage;
import com.qingke.timeline.FirstContact;
import java.time.Instant;
import java.util.List;

/**
 * A customer with everything that hangs off it. Every customer is an external contact of its owner
 * ({@code externalUserId} is always set, the owner is always among {@code followers}).
 *
 * @param index          position in the data set (0-based); ids such as {@code wm_demo_<index+1>} derive from it
 * @param gender         WeCom's code: 0 unknown, 1 male, 2 female
 * @param latentIntent   the hidden buying intent z ~ N(0,1) that drives activity and conversion (not stored)
 * @param lastActivityAt the latest event's time (null only if the customer has no events, which the generator avoids)
 */
public record DemoCustomer(int index, String name, int gender, String phone, String company, String position,
                           List<String> tags, LifecycleStage lifecycleStage, String ownerUserId, Channel sourceChannel,
                           String campaignCode, Instant consentAt, String consentText, String externalUserId,
                           String unionId, String openId, Instant createdAt, Instant lastActivityAt,
                           double latentIntent, List<DemoIdentity> identities, List<DemoFollower> followers,
                           List<DemoEvent> events, List<DemoOpportunity> opportunities, List<DemoTask> tasks,
                           List<DemoTrackedLink> trackedLinks) {

    public DemoCustomer {
        tags = List.copyOf(tags);
        identities = List.copyOf(identities);
        followers = List.copyOf(followers);
        events = List.copyOf(events);
        opportunities = List.copyOf(opportunities);
        tasks = List.copyOf(tasks);
        trackedLinks = List.copyOf(trackedLinks);
    }

    /** The earliest contact event at or after creation, as the app would have noted it (customer.first_contact_at). */
    public Instant firstContactAt() {
        return events.stream().filter(e -> FirstContact.counts(e.type(), e.occurredAt(), createdAt))
                .map(DemoEvent::occurredAt).min(Instant::compareTo).orElse(null);
    }

    public boolean followedBy(String userId) {
        return followers.stream().anyMatch(f -> f.userId().equals(userId));
    }
}
