package com.qingke.wecom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerTagsChanged;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.identity.IdentityService;
import com.qingke.inbox.Outbox;
import com.qingke.inbox.OutboxEvent;
import com.qingke.inbox.OutboxHandler;
import com.qingke.platform.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes tag changes made in Qingke back to WeCom with mark_tag. The change is written to the outbox in the
 * transaction that changed the tags and sent by {@link com.qingke.inbox.OutboxWorker}: while WeCom fails it is
 * retried with back-off (not lost), it is sent once it succeeded (mark_tag is idempotent, so even a resend after a
 * lost answer changes nothing), and changes of one customer reach WeCom in the order they were made. Every outcome is
 * audited.
 *
 * <p>WeCom keeps tags per follow relation (rep × contact); Qingke keeps them per customer, as the union over the
 * relations. An added tag is marked on the owner's relation (else that of the rep who made the change); a removed
 * tag is removed from every relation, or the union would still show it. Tags missing in the corp are created
 * (add_corp_tag) under Qingke's tag group; ids are cached in wecom_tag. After a successful write the contact's tag
 * snapshot ({@link WeComContactTags}) is updated, so the next sync does not mistake our own change for one made in WeCom.
 */
@ApplicationScoped
public class TagWriteBack implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(TagWriteBack.class);
    public static final String TOPIC = "WECOM_MARK_TAG";
    static final String ACTOR = "wecom:tag-write-back";
    /** WeCom refuses corp tag names longer than this. */
    static final int MAX_WECOM_TAG_NAME = 30;
    /** Room left in the outbox payload column for the JSON around the names. */
    private static final int MAX_NAMES_CHARS = 800;

    private final WeComGateway wecom;
    private final WeComConfig config;
    private final Outbox outbox;
    private final Audit audit;
    private final IdentityService identity;
    private final ObjectMapper json;

    TagWriteBack(WeComGateway wecom, WeComConfig config, Outbox outbox, Audit audit, IdentityService identity, ObjectMapper json) {
        this.wecom = wecom;
        this.config = config;
        this.outbox = outbox;
        this.audit = audit;
        this.identity = identity;
        this.json = json;
    }

    /** One change to write: names to add and to remove, and who made it (a fallback relation). */
    record Change(List<String> add, List<String> remove, Long byEmployeeId) {
    }

    /** The relation mark_tag applies to: a rep's userid and the customer's external_userid. */
    record Relation(String userId, String externalUserId) {
    }

    /** Runs inside the transaction that changed the tags (CustomerService fires the event there). */
    void onTagsChanged(@Observes CustomerTagsChanged change) {
        List<String> added = new ArrayList<>(change.after());
        added.removeAll(change.before());
        List<String> removed = new ArrayList<>(change.before());
        removed.removeAll(change.after());
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        if (IdentityLink.count("corpId = ?1 and customerId = ?2 and kind = ?3", change.corpId(), change.customerId(),
                IdentityKind.EXTERNAL_USERID) == 0) {
            return; // not a WeCom contact: nothing to write back
        }
        for (Change part : split(new Change(added, removed, change.byEmployeeId()))) {
            outbox.enqueue(change.corpId(), TOPIC, change.customerId(), write(part));
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(OutboxEvent event) {
        Change change = read(event);
        long customerId = identity.activeId(event.aggregateId);
        Customer customer = Customer.findById(customerId);
        IdentityLink link = IdentityLink.<IdentityLink>find("corpId = ?1 and customerId = ?2 and kind = ?3 order by id",
                event.corpId, customerId, IdentityKind.EXTERNAL_USERID).firstResult();
        if (customer == null || link == null) {
            skipped(event, change, "客户不再是企业微信外部联系人");
            return;
        }
        List<Relation> relations = relations(customer, link.value, change.byEmployeeId());
        if (relations.isEmpty()) {
            skipped(event, change, "没有仍在跟进的企业微信成员");
            return;
        }
        Map<String, String> corpTags = new LinkedHashMap<>();
        List<String> addIds = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String name : change.add()) {
            if (name.length() > MAX_WECOM_TAG_NAME) {
                LOG.infof("Tag of %d characters not written to WeCom (its limit is %d)", name.length(), MAX_WECOM_TAG_NAME);
                continue;
            }
            addIds.add(tagId(event.corpId, name, true, corpTags));
            added.add(name);
        }
        List<String> removeIds = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String name : change.remove()) {
            String id = tagId(event.corpId, name, false, corpTags);
            if (id != null) {
                removeIds.add(id);
                removed.add(name);
            }
        }
        List<String> written = new ArrayList<>();
        for (int i = 0; i < relations.size(); i++) {
            List<String> add = i == 0 ? addIds : List.of();
            if (add.isEmpty() && removeIds.isEmpty()) {
                continue;
            }
            Relation r = relations.get(i);
            try {
                wecom.markTag(r.userId(), r.externalUserId(), add, removeIds);
                written.add(r.userId());
            } catch (WeComException e) {
                if (e.errcode() != WeComException.NOT_EXTERNAL_CONTACT) {
                    throw e; // retried by the outbox; relations already marked are marked again, which changes nothing
                }
                LOG.infof("Relation %s–%s is gone from WeCom; tags not written there", r.userId(), r.externalUserId());
            }
        }
        WeComContactTags snapshot = WeComContactTags.lock(event.corpId, link.value);
        if (snapshot != null && !written.isEmpty()) {
            Set<String> names = new LinkedHashSet<>(snapshot.tagNames);
            names.addAll(added);
            names.removeAll(removed);
            WeComContactTags.save(event.corpId, link.value, names);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("externalUserId", link.value);
        detail.put("userids", written);
        detail.put("add", added);
        detail.put("remove", removed);
        detail.put("attempt", event.attempts + 1);
        audit.record(event.corpId, ACTOR, "WECOM_TAGS_WRITTEN", "customer", customerId, detail);
    }

    @Override
    public void gaveUp(OutboxEvent event) {
        Change change = read(event);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("add", change.add());
        detail.put("remove", change.remove());
        detail.put("attempts", event.attempts);
        detail.put("error", String.valueOf(event.lastError));
        audit.record(event.corpId, ACTOR, "WECOM_TAGS_WRITE_FAILED", "customer", event.aggregateId, detail);
    }

    private void skipped(OutboxEvent event, Change change, String reason) {
        audit.record(event.corpId, ACTOR, "WECOM_TAGS_NOT_WRITTEN", "customer", event.aggregateId,
                Map.of("add", change.add(), "remove", change.remove(), "reason", reason));
    }

    /**
     * The follow relations to write to, the one that receives added tags first: the owner's if the owner follows in
     * WeCom, else that of the rep who made the change, else the oldest active one.
     */
    private static List<Relation> relations(Customer customer, String externalUserId, Long byEmployeeId) {
        List<CustomerFollower> active = CustomerFollower.list("customerId = ?1 and active = true and deletedByCustomerAt is null order by id",
                customer.id);
        List<Long> order = new ArrayList<>();
        if (customer.ownerId != null) {
            order.add(customer.ownerId);
        }
        if (byEmployeeId != null) {
            order.add(byEmployeeId);
        }
        active.forEach(f -> order.add(f.employeeId));
        Set<Long> following = new LinkedHashSet<>(active.stream().map(f -> f.employeeId).toList());
        List<Relation> relations = new ArrayList<>();
        for (Long employeeId : new LinkedHashSet<>(order)) {
            if (!following.contains(employeeId)) {
                continue;
            }
            Employee e = Employee.findById(employeeId);
            if (e != null && e.wecomUserId != null) {
                relations.add(new Relation(e.wecomUserId, externalUserId));
            }
        }
        return relations;
    }

    /** The corp tag id for a name: from the cache, else the corp's tag list, else (when adding) a new corp tag. */
    private String tagId(String corpId, String name, boolean createIfMissing, Map<String, String> corpTags) {
        var cached = WeComTag.byName(corpId, name);
        if (cached.isPresent()) {
            return cached.get().tagId;
        }
        if (corpTags.isEmpty()) {
            corpTags.putAll(wecom.corpTags());
        }
        String id = corpTags.get(name);
        String group = null;
        if (id == null && createIfMissing) {
            group = config.tagGroupName();
            id = wecom.createCorpTag(group, name);
            corpTags.put(name, id);
        }
        if (id != null) {
            WeComTag.remember(corpId, id, name, group);
        }
        return id;
    }

    /** Splits a change whose names would not fit one outbox row; the parts are sent in order. */
    static List<Change> split(Change change) {
        List<Change> parts = new ArrayList<>();
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        int chars = 0;
        List<Object[]> all = new ArrayList<>();
        change.remove().forEach(n -> all.add(new Object[] {false, n}));
        change.add().forEach(n -> all.add(new Object[] {true, n}));
        for (Object[] item : all) {
            String name = (String) item[1];
            int cost = name.length() * 2 + 3; // Jackson writes CJK as is; quotes and backslashes take two characters
            if (chars + cost > MAX_NAMES_CHARS && chars > 0) {
                parts.add(new Change(add, remove, change.byEmployeeId()));
                add = new ArrayList<>();
                remove = new ArrayList<>();
                chars = 0;
            }
            ((Boolean) item[0] ? add : remove).add(name);
            chars += cost;
        }
        parts.add(new Change(add, remove, change.byEmployeeId()));
        return parts;
    }

    private String write(Change change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Change read(OutboxEvent event) {
        try {
            Change c = json.readValue(event.payload, Change.class);
            return new Change(Objects.requireNonNullElse(c.add(), List.of()), Objects.requireNonNullElse(c.remove(), List.of()),
                    c.byEmployeeId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable tag change in outbox row " + event.id, e);
        }
    }
}
