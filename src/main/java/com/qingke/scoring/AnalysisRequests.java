package com.qingke.scoring;

import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Asks for a customer to be analysed again (WF-03). Call it inside the transaction that changed the customer's
 * events or an opportunity's stage: the request commits with the change (outbox) and the analysis worker picks it up.
 * A request already waiting for the same customer makes a new one unnecessary.
 */
@ApplicationScoped
public class AnalysisRequests {
    public static final String TOPIC = "ANALYSE_CUSTOMER";

    @Transactional
    public void request(String corpId, long customerId, String reason) {
        long waiting = OutboxEvent.count("corpId = ?1 and topic = ?2 and aggregateId = ?3 and status = ?4 and attempts = 0",
                corpId, TOPIC, customerId, InboxStatus.PENDING);
        if (waiting > 0) {
            return;
        }
        OutboxEvent event = new OutboxEvent();
        event.corpId = corpId;
        event.topic = TOPIC;
        event.aggregateId = customerId;
        event.payload = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        event.nextAttemptAt = Instant.now();
        event.persist();
    }
}
