package com.qingke.timeline;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.scoring.AnalysisRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer's timeline of key events, newest first (spec CP-02), read in keyset pages on the
 * (customer_id, occurred_at) index, and the rep's own notes and calls written onto it.
 */
@ApplicationScoped
public class TimelineService {
    private final CustomerAccess access;
    private final CurrentUser user;
    private final Audit audit;
    private final AnalysisRequests analysis;

    TimelineService(CustomerAccess access, CurrentUser user, Audit audit, AnalysisRequests analysis) {
        this.access = access;
        this.user = user;
        this.audit = audit;
        this.analysis = analysis;
    }

    /** One page of events and whether older ones exist. */
    public record Page(List<TimelineEventView> events, boolean more) {
    }

    /**
     * The newest {@code limit} events of a customer the caller has already been allowed to see. Reads one row more
     * than asked to tell whether another page exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page latest(long customerId, int limit) {
        List<BehaviourEvent> rows = BehaviourEvent.find("customerId = ?1 order by occurredAt desc, id desc", customerId)
                .page(0, limit + 1).list();
        return page(rows, limit);
    }

    /** The page of events older than the event {@code beforeEventId}, after checking access to the customer. */
    @Transactional
    public Page before(long customerId, long beforeEventId, int limit) {
        access.require(customerId);
        BehaviourEvent anchor = BehaviourEvent.findById(beforeEventId);
        if (anchor == null || anchor.customerId != customerId) {
            throw ProblemException.badRequest("事件 " + beforeEventId + " 不属于该客户");
        }
        // keyset: (occurredAt, id) strictly below the anchor's, newest first, on ix_event_customer_time
        List<BehaviourEvent> rows = BehaviourEvent.find(
                        "customerId = ?1 and occurredAt <= ?2 and (occurredAt < ?2 or id < ?3) order by occurredAt desc, id desc",
                        customerId, anchor.occurredAt, anchor.id)
                .page(0, limit + 1).list();
        return page(rows, limit);
    }

    /** The rep records a note or a call; it goes on the timeline, is audited, and the customer is analysed again. */
    @Transactional
    public TimelineEventView log(long customerId, NewNote note) {
        Customer c = access.require(customerId);
        String key = note.requestId() == null ? null : "note:" + user.employeeId() + ":" + note.requestId();
        if (key != null) {
            BehaviourEvent earlier = BehaviourEvent.find("corpId = ?1 and idempotencyKey = ?2", c.corpId, key).firstResult();
            if (earlier != null) {
                return views(List.of(earlier)).get(0);
            }
        }
        Instant now = Instant.now();
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = c.corpId;
        e.customerId = c.id;
        e.type = note.kind() == NewNote.Kind.CALL ? EventType.CALL : EventType.NOTE;
        e.occurredAt = now;
        e.source = "QINGKE";
        e.employeeId = user.employeeId();
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (e.type == EventType.CALL) {
            metadata.put("summary", note.text().strip());
            if (note.durationMinutes() != null) {
                metadata.put("durationSec", note.durationMinutes() * 60);
            }
        } else {
            metadata.put("text", note.text().strip());
        }
        e.metadata = metadata;
        e.idempotencyKey = key;
        e.record();
        Customer.update("lastActivityAt = ?1 where id = ?2 and (lastActivityAt is null or lastActivityAt < ?1)", now, c.id);
        audit.record(c.corpId, user.actor(), e.type == EventType.CALL ? "CALL_LOGGED" : "NOTE_LOGGED", "customer", c.id,
                Map.of("eventId", e.id));
        analysis.request(c.corpId, c.id, e.type.name());
        return views(List.of(e)).get(0);
    }

    /** Events as the sidebar shows them, with the names of the employees involved (one query for all of them). */
    public List<TimelineEventView> views(List<BehaviourEvent> events) {
        Set<Long> employeeIds = events.stream().map(e -> e.employeeId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!employeeIds.isEmpty()) {
            Employee.<Employee>list("id in ?1", employeeIds).forEach(emp -> names.put(emp.id, emp.name));
        }
        List<TimelineEventView> out = new ArrayList<>(events.size());
        for (BehaviourEvent e : events) {
            out.add(new TimelineEventView(e.id, e.type, EventText.label(e.type), EventText.text(e.type, e.metadata),
                    e.occurredAt, e.source, e.employeeId, e.employeeId == null ? null : names.get(e.employeeId)));
        }
        return out;
    }

    private Page page(List<BehaviourEvent> rows, int limit) {
        boolean more = rows.size() > limit;
        return new Page(views(more ? rows.subList(0, limit) : rows), more);
    }
}
