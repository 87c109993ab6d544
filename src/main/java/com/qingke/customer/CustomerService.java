package com.qingke.customer;

import com.qingke.platform.Audit;
import com.qingke.platform.Masking;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Reading and editing the customer master as a signed-in employee. */
@ApplicationScoped
public class CustomerService {
    private final CustomerAccess access;
    private final CurrentUser user;
    private final Audit audit;
    private final Event<CustomerTagsChanged> tagsChanged;

    CustomerService(CustomerAccess access, CurrentUser user, Audit audit, Event<CustomerTagsChanged> tagsChanged) {
        this.access = access;
        this.user = user;
        this.audit = audit;
        this.tagsChanged = tagsChanged;
    }

    @Transactional
    public CustomerView get(Long id) {
        return view(access.require(id));
    }

    public CustomerView view(Customer c) {
        boolean full = access.canSeePhone(c);
        return new CustomerView(c.id, c.name, full ? c.phone : Masking.phone(c.phone), !full && c.phone != null,
                c.company, c.position, c.avatarUrl, List.copyOf(c.tags), c.lifecycleStage, c.ownerId, c.sourceChannel,
                c.intentGrade, c.intentScore, List.copyOf(c.intentReasons), List.copyOf(c.riskTags), c.analysedAt,
                c.lastActivityAt, c.createdAt);
    }

    /** A rep enters a customer by hand; they own and follow it. */
    @Transactional
    public CustomerView create(NewCustomer input) {
        Customer c = new Customer();
        c.corpId = user.corpId();
        c.name = input.name().trim();
        c.phone = PhoneNumbers.normalise(input.phone());
        c.company = input.company();
        c.position = input.position();
        c.tags = input.tags() == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(input.tags()));
        c.ownerId = user.employeeId();
        c.sourceChannel = Channel.MANUAL;
        c.persist();
        CustomerFollower follower = new CustomerFollower();
        follower.corpId = c.corpId;
        follower.customerId = c.id;
        follower.employeeId = c.ownerId;
        follower.persist();
        audit.record(c.corpId, user.actor(), "CUSTOMER_CREATED", "customer", c.id, Map.of("channel", "MANUAL"));
        return view(c);
    }

    /** Replaces the customer's tags; observers (WeCom sync) write the change back to the corp's contact tags. */
    @Transactional
    public CustomerView replaceTags(Long id, List<String> tags) {
        Customer c = access.require(id);
        List<String> before = List.copyOf(c.tags);
        c.tags = new ArrayList<>(new LinkedHashSet<>(tags.stream().map(String::trim).toList()));
        audit.record(c.corpId, user.actor(), "CUSTOMER_TAGS_CHANGED", "customer", c.id, Map.of("before", before, "after", c.tags));
        tagsChanged.fire(new CustomerTagsChanged(c.corpId, c.id, user.employeeId(), before, List.copyOf(c.tags)));
        return view(c);
    }
}
