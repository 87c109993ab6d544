package com.qingke.officialaccount;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.identity.CustomerSeed;
import com.qingke.identity.IdentityKey;
import com.qingke.inbox.InboxHandler;
import com.qingke.inbox.InboxMessage;
import com.qingke.inbox.InboxSource;
import com.qingke.lead.LeadArrival;
import com.qingke.lead.LeadCapture;
import com.qingke.lead.LeadResult;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.jboss.logging.Logger;

/**
 * Turns stored official-account events into customers and timeline events (WF-01). A subscribe (with or without a
 * campaign QR) or a scan of a campaign's QR is a lead: the follower's unionid is fetched (user/info) so that the same
 * person arriving through WeCom becomes the same customer. Menu clicks, link views and unsubscribes are recorded on
 * known followers only. A failure (e.g. user/info unreachable) is thrown so the inbox retries the whole message.
 */
@ApplicationScoped
public class OfficialAccountEventHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(OfficialAccountEventHandler.class);
    static final Set<String> TYPES = Set.of("subscribe", "scan", "click", "view", "unsubscribe");
    static final String SCENE_PREFIX = "qrscene_";

    private final LeadCapture capture;
    private final OfficialAccountGateway gateway;

    OfficialAccountEventHandler(LeadCapture capture, OfficialAccountGateway gateway) {
        this.capture = capture;
        this.gateway = gateway;
    }

    @Override
    public boolean handles(InboxSource source, String messageType) {
        return source == InboxSource.OFFICIAL_ACCOUNT && messageType != null && TYPES.contains(messageType);
    }

    @Override
    public void handle(InboxMessage message) {
        WxMpXmlMessage event = CallbackXml.parse(message.payload);
        String openid = event.getFromUser();
        Instant at = event.getCreateTime() == null ? message.receivedAt : Instant.ofEpochSecond(event.getCreateTime());
        String key = message.dedupeKey;
        LeadResult result = switch (message.messageType) {
            case "subscribe" -> lead(message.corpId, openid, scene(event.getEventKey(), true), EventType.SUBSCRIBE, at, key, event, true);
            case "scan" -> lead(message.corpId, openid, scene(event.getEventKey(), false), EventType.SCAN, at, key, event, false);
            case "click" -> capture.capture(LeadArrival.activityOfKnown(message.corpId, Channel.OA_QR, EventType.MENU_CLICK)
                    .key(IdentityKey.openid(openid)).at(at).idempotencyKey(key).meta("eventKey", event.getEventKey()).build());
            case "view" -> capture.capture(LeadArrival.activityOfKnown(message.corpId, Channel.OA_QR, EventType.PAGE_VIEW)
                    .key(IdentityKey.openid(openid)).at(at).idempotencyKey(key).meta("url", event.getEventKey()).build());
            case "unsubscribe" -> capture.capture(LeadArrival.activityOfKnown(message.corpId, Channel.OA_QR, EventType.UNSUBSCRIBE)
                    .key(IdentityKey.openid(openid)).at(at).idempotencyKey(key).build());
            default -> throw new IllegalStateException("Not an official-account event this handler takes: " + message.messageType);
        };
        if (!result.matched()) {
            LOG.debugf("Official-account %s from an unknown follower; nothing recorded", message.messageType);
        }
    }

    /**
     * A subscribe is always a lead (someone chose to follow); a scan of an already-followed account is a lead only when
     * the QR belongs to a campaign — otherwise it is recorded as activity.
     */
    private LeadResult lead(String corpId, String openid, String scene, EventType type, Instant at, String key,
                            WxMpXmlMessage event, boolean subscribe) {
        OfficialAccountGateway.Follower follower = gateway.follower(openid);
        String name = follower.nickname() != null ? follower.nickname() : CustomerSeed.placeholderName(openid);
        boolean campaign = scene != null && Campaign.findByCode(corpId, scene).isPresent();
        LeadArrival.Builder arrival = subscribe || campaign
                ? LeadArrival.lead(corpId, Channel.OA_QR, type)
                : LeadArrival.activity(corpId, Channel.OA_QR, type);
        return capture.capture(arrival
                .key(IdentityKey.openid(openid)).key(IdentityKey.unionid(follower.unionid()))
                .seed(new CustomerSeed(name, null, null, null, follower.avatarUrl(), null, java.util.List.of(), null, null))
                .campaign(scene).at(at).idempotencyKey(key)
                .meta("scene", scene).meta("ticket", event.getTicket())
                .build());
    }

    /** subscribe carries "qrscene_<scene>", SCAN the bare scene; an empty key is no scene. */
    static String scene(String eventKey, boolean subscribe) {
        if (eventKey == null || eventKey.isBlank()) {
            return null;
        }
        if (subscribe) {
            return eventKey.startsWith(SCENE_PREFIX) ? eventKey.substring(SCENE_PREFIX.length()) : null;
        }
        return eventKey;
    }
}
