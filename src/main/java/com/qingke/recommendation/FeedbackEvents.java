package com.qingke.recommendation;

import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes feedback (WF-06) on the customer's timeline: a rep's decisions on actions, messages sent, tasks done,
 * deals won or lost. The next training reads them from behaviour_event. An idempotency key makes a repeat a no-op.
 */
@ApplicationScoped
public class FeedbackEvents {

    @Transactional(Transactional.TxType.MANDATORY)
    public BehaviourEvent record(String corpId, long customerId, EventType type, Long employeeId, Map<String, Object> metadata,
                                 String idempotencyKey) {
        if (idempotencyKey != null) {
            BehaviourEvent existing = BehaviourEvent.find("corpId = ?1 and idempotencyKey = ?2", corpId, idempotencyKey).firstResult();
            if (existing != null) {
                return existing;
            }
        }
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = corpId;
        e.customerId = customerId;
        e.type = type;
        e.occurredAt = Instant.now();
        e.source = "QINGKE";
        e.employeeId = employeeId;
        e.metadata = new LinkedHashMap<>(metadata);
        e.idempotencyKey = idempotencyKey;
        e.record();
        return e;
    }
}
