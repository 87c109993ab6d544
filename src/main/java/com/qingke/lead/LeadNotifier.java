package com.qingke.lead;

import com.qingke.wecom.WeComGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Tells a lead's owner through a WeCom app message (应用消息), once the lead has committed and off the caller's thread,
 * so a slow WeCom never delays a form's thank-you page or a callback's acknowledgement. Best effort: the gateway backs
 * off on rate limits; a message that still fails is logged, and the lead is in the owner's list either way.
 */
@ApplicationScoped
public class LeadNotifier {
    private static final Logger LOG = Logger.getLogger(LeadNotifier.class);

    private final WeComGateway wecom;
    private final LeadConfig config;
    private final ManagedExecutor executor;

    LeadNotifier(WeComGateway wecom, LeadConfig config, ManagedExecutor executor) {
        this.wecom = wecom;
        this.config = config;
        this.executor = executor;
    }

    void onLead(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadCaptured lead) {
        if (!config.notifyOwner() || lead.ownerUserId() == null) {
            return;
        }
        executor.runAsync(() -> send(lead));
    }

    void send(LeadCaptured lead) {
        try {
            List<String> undelivered = wecom.sendAppText(List.of(lead.ownerUserId()), text(lead));
            if (!undelivered.isEmpty()) {
                LOG.warnf("New-lead message for customer %d not delivered to %s (not in the app's visible range?)",
                        lead.customerId(), undelivered);
            }
        } catch (RuntimeException e) {
            LOG.warnf("New-lead message for customer %d could not be sent: %s", lead.customerId(), e.getMessage());
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
