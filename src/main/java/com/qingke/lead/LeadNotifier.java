package com.qingke.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.inbox.Outbox;
import com.qingke.inbox.OutboxEvent;
import com.qingke.inbox.OutboxHandler;
import com.qingke.platform.Audit;
import com.qingke.wecom.WeComGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Tells a lead's owner through a WeCom app message (应用消息). The message is written to the outbox in the capturing
 * transaction and sent by {@link com.qingke.inbox.OutboxWorker}: it goes out only if the lead committed, is retried
 * with back-off while WeCom is unreachable or busy, and never delays a form's thank-you page or a callback's
 * acknowledgement. A retry after a lost answer is not shown twice: WeCom's duplicate check is on
 * ({@link WeComGateway#sendAppText}). A userid WeCom cannot deliver to is not retried; that is audited.
 */
@ApplicationScoped
public class LeadNotifier implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(LeadNotifier.class);
    public static final String TOPIC = "NOTIFY_NEW_LEAD";
    static final String ACTOR = "system:lead-notifier";

    private final WeComGateway wecom;
    private final LeadConfig config;
    private final Outbox outbox;
    private final Audit audit;
    private final ObjectMapper json;

    LeadNotifier(WeComGateway wecom, LeadConfig config, Outbox outbox, Audit audit, ObjectMapper json) {
        this.wecom = wecom;
        this.config = config;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
    }

    /** What the outbox row carries: the recipient and the finished text, so a retry sends exactly the same message. */
    record Message(String to, String text) {
    }

    /** Runs inside the capturing transaction (LeadCapture fires the event there). */
    void onLead(@Observes LeadCaptured lead) {
        if (!config.notifyOwner() || lead.ownerUserId() == null) {
            return;
        }
        try {
            String text = text(lead);
            // names are capped at 128 characters, so this only guards the outbox column against a long campaign name
            text = text.length() > 600 ? text.substring(0, 599) + "…" : text;
            String payload = json.writeValueAsString(new Message(lead.ownerUserId(), text));
            outbox.enqueue(lead.corpId(), TOPIC, lead.customerId(), payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(OutboxEvent event) {
        Message m = read(event);
        List<String> undelivered = wecom.sendAppText(List.of(m.to()), m.text());
        if (!undelivered.isEmpty()) {
            // Not a member, or outside the app's visible range: a retry would get the same answer.
            LOG.warnf("New-lead message for customer %d not delivered to %s (not in the app's visible range?)",
                    event.aggregateId, undelivered);
            audit.record(event.corpId, ACTOR, "LEAD_NOTIFICATION_UNDELIVERED", "customer", event.aggregateId,
                    Map.of("userid", m.to()));
        }
    }

    @Override
    public void gaveUp(OutboxEvent event) {
        audit.record(event.corpId, ACTOR, "LEAD_NOTIFICATION_FAILED", "customer", event.aggregateId,
                Map.of("userid", read(event).to(), "attempts", event.attempts, "error", String.valueOf(event.lastError)));
    }

    private Message read(OutboxEvent event) {
        try {
            return json.readValue(event.payload, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable new-lead message in outbox row " + event.id, e);
        }
    }

    /** The message the owner reads in WeCom; no phone number (it is in the sidebar, for the owner only). */
    static String text(LeadCaptured lead) {
        StringBuilder s = new StringBuilder("【轻客】").append(lead.newCustomer() ? "新线索" : "新商机").append("：").append(lead.customerName());
        if (lead.company() != null && !lead.company().isBlank()) {
            s.append("（").append(lead.company()).append("）");
        }
        s.append("，来自").append(lead.channelLabel());
        if (lead.campaignName() != null) {
            s.append("「").append(lead.campaignName()).append("」");
        }
        if (lead.intentGrade() != null) {
            s.append("，初步意向 ").append(lead.intentGrade()).append(" 级");
        }
        return s.append("。已分配给您，请尽快跟进。").toString();
    }
}
