package com.qingke.dashboard;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DB-03: the customers with the latest activity (customer.last_activity_at, indexed per corp and per owner) and
 * their latest key events. Not bound to the period: it answers "who is moving right now".
 */
@ApplicationScoped
class ActivityFeed {
    private final DashboardConfig config;

    ActivityFeed(DashboardConfig config) {
        this.config = config;
    }

    List<ActiveCustomer> recent(String corpId, Long repId, Instant now) {
        List<Customer> customers = (repId == null
                ? Customer.find("corpId = ?1 and status = ?2 and lastActivityAt is not null order by lastActivityAt desc, id desc",
                corpId, CustomerStatus.ACTIVE)
                : Customer.find("corpId = ?1 and ownerId = ?2 and status = ?3 and lastActivityAt is not null"
                + " order by lastActivityAt desc, id desc", corpId, repId, CustomerStatus.ACTIVE))
                .page(0, config.activeCustomers()).list();
        Map<Long, String> owners = new HashMap<>();
        List<EventType> keyTypes = config.keyEventTypes().stream().map(EventType::valueOf).toList();
        return customers.stream().map(c -> {
            List<BehaviourEvent> events = BehaviourEvent.find("customerId = ?1 and type in ?2 order by occurredAt desc, id desc",
                    c.id, keyTypes).page(0, config.eventsPerCustomer()).list();
            String owner = c.ownerId == null ? "" : owners.computeIfAbsent(c.ownerId, id -> {
                Employee e = Employee.findById(id);
                return e == null ? "" : e.name;
            });
            return new ActiveCustomer(c.id, c.name, c.company == null ? "" : c.company, owner,
                    c.intentGrade == null ? "" : c.intentGrade, Fmt.dateTime(c.lastActivityAt, config.zone()),
                    Fmt.age(c.lastActivityAt, now),
                    events.stream().map(e -> new ActiveCustomer.KeyEvent(e.type.name(), EventLabels.label(e.type),
                            Fmt.shortTime(e.occurredAt, config.zone()), EventLabels.detail(e.metadata))).toList());
        }).toList();
    }
}
