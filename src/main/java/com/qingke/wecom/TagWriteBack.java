package com.qingke.wecom;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerTagsChanged;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes tag changes made in Qingke back to WeCom (mark_tag on the owner's follow relation), after the change has
 * committed. Tags missing in the corp are created (add_corp_tag) under Qingke's tag group; ids are cached in wecom_tag.
 */
@ApplicationScoped
public class TagWriteBack {
    private static final Logger LOG = Logger.getLogger(TagWriteBack.class);

    private final WeComGateway wecom;
    private final WeComConfig config;

    TagWriteBack(WeComGateway wecom, WeComConfig config) {
        this.wecom = wecom;
        this.config = config;
    }

    /** The relation mark_tag applies to: a rep's userid and the customer's external_userid. */
    record Relation(String userId, String externalUserId) {
    }

    void onTagsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CustomerTagsChanged change) {
        List<String> added = new ArrayList<>(change.after());
        added.removeAll(change.before());
        List<String> removed = new ArrayList<>(change.before());
        removed.removeAll(change.after());
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        try {
            Optional<Relation> relation = QuarkusTransaction.requiringNew().call(() -> relation(change));
            if (relation.isEmpty()) {
                return;
            }
            List<String> addIds = new ArrayList<>();
            for (String name : added) {
                addIds.add(tagId(change.corpId(), name, true));
            }
            List<String> removeIds = new ArrayList<>();
            for (String name : removed) {
                String id = tagId(change.corpId(), name, false);
                if (id != null) {
                    removeIds.add(id);
                }
            }
            wecom.markTag(relation.get().userId(), relation.get().externalUserId(), addIds, removeIds);
        } catch (RuntimeException e) {
            // The Qingke change stands; WeCom catches up on the next tag change or contact sync.
            LOG.warnf("Writing tags of customer %d back to WeCom failed: %s", change.customerId(), e.getMessage());
        }
    }

    /** The owner's follow relation if the owner follows in WeCom, else the relation of the rep who made the change. */
    private Optional<Relation> relation(CustomerTagsChanged change) {
        Optional<IdentityLink> link = IdentityLink.find("corpId = ?1 and customerId = ?2 and kind = ?3 order by id",
                change.corpId(), change.customerId(), IdentityKind.EXTERNAL_USERID).firstResultOptional();
        Customer customer = Customer.findById(change.customerId());
        if (link.isEmpty() || customer == null) {
            return Optional.empty();
        }
        List<Long> candidates = new ArrayList<>();
        if (customer.ownerId != null) {
            candidates.add(customer.ownerId);
        }
        if (change.byEmployeeId() != null) {
            candidates.add(change.byEmployeeId());
        }
        for (Long employeeId : candidates) {
            boolean follows = CustomerFollower.count("customerId = ?1 and employeeId = ?2 and active = true and deletedByCustomerAt is null",
                    customer.id, employeeId) > 0;
            Employee e = Employee.findById(employeeId);
            if (follows && e != null) {
                return Optional.of(new Relation(e.wecomUserId, link.get().value));
            }
        }
        return Optional.empty();
    }

    /** The corp tag id for a name: from the cache, else the corp's tag list, else (when adding) a new corp tag. */
    private String tagId(String corpId, String name, boolean createIfMissing) {
        Optional<String> cached = QuarkusTransaction.requiringNew().call(() -> WeComTag.byName(corpId, name).map(t -> t.tagId));
        if (cached.isPresent()) {
            return cached.get();
        }
        Map<String, String> corpTags = wecom.corpTags();
        String id = corpTags.get(name);
        String group = null;
        if (id == null && createIfMissing) {
            group = config.tagGroupName();
            id = wecom.createCorpTag(group, name);
        }
        if (id != null) {
            String tagId = id;
            String groupName = group;
            QuarkusTransaction.requiringNew().run(() -> WeComTag.remember(corpId, tagId, name, groupName));
        }
        return id;
    }
}
