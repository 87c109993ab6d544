package com.qingke.lead;

import com.qingke.customer.Channel;
import com.qingke.identity.CustomerSeed;
import com.qingke.identity.IdentityKey;
import com.qingke.timeline.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person showing up through a channel, as every channel describes it to {@link LeadCapture}.
 *
 * @param kind           LEAD creates an opportunity and a first intent score; ACTIVITY only records the event
 *                       (creating the customer if unknown); ACTIVITY_OF_KNOWN records it only for a known customer
 * @param campaignCode   scene_str of an OA QR, state of a WeCom contact way, channel parameter of a form (may be unknown)
 * @param channelRepId   the rep the person reached through the channel (WeCom: the rep they added); becomes a follower
 *                       and the preferred owner of a new customer
 * @param idempotencyKey unique per corp for the event; the same key twice records and notifies once
 */
public record LeadArrival(String corpId, Channel channel, Kind kind, List<IdentityKey> keys, CustomerSeed seed,
                          String campaignCode, Long channelRepId, EventType eventType, Instant occurredAt,
                          String idempotencyKey, Map<String, Object> metadata) {

    public enum Kind { LEAD, ACTIVITY, ACTIVITY_OF_KNOWN }

    public LeadArrival {
        Objects.requireNonNull(corpId, "corpId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventType, "eventType");
        keys = List.copyOf(keys);
        seed = seed == null ? CustomerSeed.named(null) : seed;
        occurredAt = occurredAt == null ? Instant.now() : occurredAt;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static Builder lead(String corpId, Channel channel, EventType eventType) {
        return new Builder(corpId, channel, Kind.LEAD, eventType);
    }

    public static Builder activity(String corpId, Channel channel, EventType eventType) {
        return new Builder(corpId, channel, Kind.ACTIVITY, eventType);
    }

    public static Builder activityOfKnown(String corpId, Channel channel, EventType eventType) {
        return new Builder(corpId, channel, Kind.ACTIVITY_OF_KNOWN, eventType);
    }

    public static final class Builder {
        private final String corpId;
        private final Channel channel;
        private final Kind kind;
        private final EventType eventType;
        private final List<IdentityKey> keys = new ArrayList<>();
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private CustomerSeed seed;
        private String campaignCode;
        private Long channelRepId;
        private Instant occurredAt;
        private String idempotencyKey;

        private Builder(String corpId, Channel channel, Kind kind, EventType eventType) {
            this.corpId = corpId;
            this.channel = channel;
            this.kind = kind;
            this.eventType = eventType;
        }

        /** Adds an identifier; null or blank values are ignored, so optional ones can be passed as they come. */
        public Builder key(IdentityKey key) {
            if (key != null && key.value() != null && !key.value().isBlank()) {
                keys.add(key);
            }
            return this;
        }

        public Builder seed(CustomerSeed seed) {
            this.seed = seed;
            return this;
        }

        public Builder campaign(String campaignCode) {
            this.campaignCode = campaignCode == null || campaignCode.isBlank() ? null : campaignCode.trim();
            return this;
        }

        public Builder channelRep(Long employeeId) {
            this.channelRepId = employeeId;
            return this;
        }

        public Builder at(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        public Builder meta(String name, Object value) {
            if (value != null) {
                metadata.put(name, value);
            }
            return this;
        }

        public LeadArrival build() {
            return new LeadArrival(corpId, channel, kind, keys, seed, campaignCode, channelRepId, eventType, occurredAt,
                    idempotencyKey, metadata);
        }
    }
}
