package com.qingke.scoring;

import com.qingke.customer.CustomerStatus;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.OutboxEvent;
import com.qingke.opportunity.Stage;
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

    /**
     * Asks for every active customer of the corp to be analysed, in one statement, for the worker to work off one by
     * one (e.g. after a rule change, spread over every instance's worker). A full rescore is much faster with
     * {@link Rescore}.
     *
     * @return how many requests were written
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int requestForAllActive(String corpId, String reason) {
        Instant now = Instant.now();
        return OutboxEvent.getEntityManager().createNativeQuery(
                        "insert into outbox_event (corp_id, topic, aggregate_id, payload, status, attempts, next_attempt_at, created_at) "
                                + "select corp_id, ?1, id, ?2, ?3, 0, ?4, ?4 from customer where corp_id = ?5 and status = ?6")
                .setParameter(1, TOPIC).setParameter(2, reason).setParameter(3, InboxStatus.PENDING.name())
                .setParameter(4, now).setParameter(5, corpId).setParameter(6, CustomerStatus.ACTIVE.name())
                .executeUpdate();
    }

    /**
     * Asks for every customer with an open opportunity to be analysed again (a new win-rate model changes their win
     * rates), in one statement: a retraining of a corp with thousands of open deals must not take a query per customer.
     * Customers with a request already waiting are skipped, as in {@link #request}.
     *
     * @return how many requests were written
     */
    @Transactional
    public int requestForOpenDeals(String corpId, String reason) {
        Instant now = Instant.now();
        return OutboxEvent.getEntityManager().createNativeQuery(
                        "insert into outbox_event (corp_id, topic, aggregate_id, payload, status, attempts, next_attempt_at, created_at)"
                                + " select distinct o.corp_id, ?1, o.customer_id, ?2, ?3, 0, ?4, ?4 from opportunity o"
                                + " where o.corp_id = ?5 and o.stage not in ('" + Stage.WON.name() + "', '" + Stage.LOST.name() + "')"
                                + " and not exists (select 1 from outbox_event e where e.topic = ?1 and e.aggregate_id = o.customer_id"
                                + " and e.status = ?3 and e.attempts = 0 and e.corp_id = ?5)")
                .setParameter(1, TOPIC).setParameter(2, reason).setParameter(3, InboxStatus.PENDING.name())
                .setParameter(4, now).setParameter(5, corpId)
                .executeUpdate();
    }
}
