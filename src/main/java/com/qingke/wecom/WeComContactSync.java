package com.qingke.wecom;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.customer.PhoneNumbers;
import com.qingke.employee.Employee;
import com.qingke.identity.CustomerSeed;
import com.qingke.identity.IdentityKey;
import com.qingke.identity.IdentityService;
import com.qingke.identity.ResolvedCustomer;
import com.qingke.lead.LeadArrival;
import com.qingke.lead.LeadCapture;
import com.qingke.lead.LeadResult;
import com.qingke.platform.Audit;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.RowLocks;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import me.chanjar.weixin.cp.bean.external.contact.ExternalContact;
import me.chanjar.weixin.cp.bean.external.contact.FollowedUser;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;

/**
 * Turns a WeCom external contact (externalcontact/get) into a Qingke customer through the same pipeline as every other
 * channel: a contact added through a channel QR (add_external_contact) or seen for the first time (the sidebar's
 * current contact, an edit of a contact Qingke never saw) is a lead arrival for {@link LeadCapture} — identity
 * resolution with its external_userid, unionid and the phone the rep noted (remark_mobiles: a unique match merges, an
 * ambiguous one raises a merge suggestion), owner assignment, an ADDED_WECOM event, an opportunity at the first stage
 * attributed to the campaign of the QR's {@code state}, the first intent score and the owner's notification. An edit
 * of a known contact goes through {@link IdentityService} only (new identifiers, no new lead). Then the WeCom-specific
 * part: follow relations with their remarks, and the contact's tags mirrored both ways round (see
 * {@link WeComContactTags}).
 *
 * <p>Runs in the caller's transaction: the inbox worker's (a lost race fails the message, which the inbox retries) or
 * one the sidebar reruns on a lost race. The arrival's idempotency key is the follow relation
 * (external_userid, userid, createtime), so a callback WeCom sends again, or one that arrives after the sidebar
 * already saw the contact, records nothing twice.
 */
@ApplicationScoped
public class WeComContactSync {
    static final String SOURCE = "WECOM";
    static final String ACTOR = "wecom";
    /** Same name the risk rules use, so the sidebar shows it before the next analysis runs. */
    static final String RISK_DELETED_BY_CUSTOMER = "客户删除了销售";
    /** Longest tag name a Qingke customer carries (the tag API's limit). */
    static final int MAX_TAG_NAME = 32;

    private final QingkeConfig qingke;
    private final EmployeeDirectory directory;
    private final Audit audit;
    private final AnalysisRequests analysis;
    private final IdentityService identity;
    private final LeadCapture leads;
    private final EntityManager em;

    WeComContactSync(QingkeConfig qingke, EmployeeDirectory directory, Audit audit, AnalysisRequests analysis,
                     IdentityService identity, LeadCapture leads, EntityManager em) {
        this.qingke = qingke;
        this.directory = directory;
        this.audit = audit;
        this.analysis = analysis;
        this.identity = identity;
        this.leads = leads;
        this.em = em;
    }

    /**
     * @param lead the lead capture's outcome when the sync was a lead arrival (null for an edit of a known contact)
     */
    public record Synced(Long customerId, boolean created, LeadResult lead) {
    }

    /**
     * Creates or links the customer for a WeCom contact and brings its followers, tags and links up to date.
     *
     * @param addedBy the rep who was just added (add_external_contact), or null for a plain sync
     * @param state   the channel state from the callback; the follow relation's own state is used when null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Synced linkOrCreate(WxCpExternalContactInfo info, String addedBy, String state) {
        String corpId = qingke.corpId();
        ExternalContact contact = info.getExternalContact();
        List<FollowedUser> follows = info.getFollowedUsers() == null ? List.of() : info.getFollowedUsers();
        FollowedUser adding = follows.stream().filter(f -> f.getUserId().equals(addedBy)).findFirst()
                .orElseGet(() -> follows.stream().min(Comparator.comparing(f -> f.getCreateTime() == null ? 0L : f.getCreateTime())).orElse(null));
        String channelState = state != null ? state : adding == null ? null : blankToNull(adding.getState());

        // One directory lookup per follow user for the whole sync, so a member new to Qingke is created exactly once.
        Map<String, Employee> employees = new HashMap<>();
        Function<String, Employee> employee = userId -> employees.computeIfAbsent(userId, directory::follower);

        String phone = remarkMobile(adding, follows);
        List<IdentityKey> keys = new ArrayList<>();
        keys.add(IdentityKey.externalUserId(contact.getExternalUserId()));
        if (contact.getUnionId() != null && !contact.getUnionId().isBlank()) {
            keys.add(IdentityKey.unionid(contact.getUnionId()));
        }
        if (phone != null) {
            keys.add(IdentityKey.phone(phone));
        }
        CustomerSeed seed = new CustomerSeed(
                truncate(firstNonBlank(adding == null ? null : adding.getRemark(), contact.getName(),
                        CustomerSeed.placeholderName(contact.getExternalUserId())), 128),
                phone,
                truncate(firstNonBlank(adding == null ? null : adding.getRemarkCorpName(), contact.getCorpName()), 128),
                truncate(contact.getPosition(), 64), truncate(contact.getAvatar(), 512), contact.getGender(), List.of(), null, null);

        Optional<Long> known = identity.findAny(corpId, keys);
        long customerId;
        boolean created;
        LeadResult lead = null;
        if (addedBy != null || known.isEmpty()) {
            lead = leads.captureInCurrentTransaction(arrival(corpId, contact, adding, channelState, keys, seed, employee));
            customerId = lead.customerId();
            created = lead.newCustomer();
        } else {
            ResolvedCustomer resolved = identity.resolveOrCreate(corpId, keys, seed, Channel.WECOM_QR, null);
            customerId = resolved.customerId();
            created = resolved.created();
            requestAnalysis(corpId, customerId, "wecom:contact-changed");
        }
        Customer customer = RowLocks.one(em, Customer.class, "customer", customerId);
        refresh(customer, contact);
        for (FollowedUser f : follows) {
            follow(customer, f, employee.apply(f.getUserId()));
        }
        mirrorTags(customer, contact.getExternalUserId(), follows);
        return new Synced(customer.id, created, lead);
    }

    /** The lead arrival of a follow relation: the rep who was added is the channel's rep. */
    private LeadArrival arrival(String corpId, ExternalContact contact, FollowedUser adding, String channelState,
                                List<IdentityKey> keys, CustomerSeed seed, Function<String, Employee> employee) {
        LeadArrival.Builder arrival = LeadArrival.lead(corpId, Channel.WECOM_QR, EventType.ADDED_WECOM)
                .seed(seed).campaign(channelState).meta("state", channelState);
        keys.forEach(arrival::key);
        if (adding == null) {
            return arrival.idempotencyKey("wecom:seen:" + contact.getExternalUserId()).build();
        }
        long createTime = adding.getCreateTime() == null ? Instant.now().getEpochSecond() : adding.getCreateTime();
        return arrival.channelRep(employee.apply(adding.getUserId()).id)
                .at(Instant.ofEpochSecond(createTime))
                .idempotencyKey("wecom:added:" + contact.getExternalUserId() + ":" + adding.getUserId() + ":" + createTime)
                .meta("userid", adding.getUserId())
                .meta("add_way", parseInt(adding.getAddWay()))
                .build();
    }

    /** The customer linked to an external_userid, if any (following merges to the surviving record). */
    public Optional<Customer> findByExternalUserId(String externalUserId) {
        return identity.find(qingke.corpId(), IdentityKey.externalUserId(externalUserId))
                .map(id -> Customer.<Customer>findById(id))
                .filter(c -> c.status != CustomerStatus.DELETED);
    }

    /** The rep deleted the customer (del_external_contact): the follow relation ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void repDeletedCustomer(String externalUserId, String userId, boolean byTransfer, Instant at) {
        findFollow(externalUserId, userId).ifPresent(pair -> {
            pair.follower().active = false;
            if (!byTransfer) {
                event(pair.customer(), EventType.REP_DELETED_CUSTOMER, pair.follower().employeeId, at,
                        "wecom:rep-deleted:" + externalUserId + ":" + userId + ":" + at.getEpochSecond(), Map.of());
            }
            requestAnalysis(pair.customer().corpId, pair.customer().id, "wecom:rep-deleted-customer");
        });
    }

    /** The customer deleted the rep from their WeChat (del_follow_user): a risk signal, the relation stays visible. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void customerDeletedRep(String externalUserId, String userId, Instant at) {
        findFollow(externalUserId, userId).ifPresent(pair -> {
            pair.follower().deletedByCustomerAt = at;
            Customer c = pair.customer();
            if (!c.riskTags.contains(RISK_DELETED_BY_CUSTOMER)) {
                List<String> risks = new ArrayList<>(c.riskTags);
                risks.add(RISK_DELETED_BY_CUSTOMER);
                c.riskTags = risks;
            }
            event(c, EventType.DELETED_BY_CUSTOMER, pair.follower().employeeId, at,
                    "wecom:customer-deleted:" + externalUserId + ":" + userId + ":" + at.getEpochSecond(), Map.of());
            audit.record(c.corpId, ACTOR, "CUSTOMER_DELETED_REP", "customer", c.id, Map.of("userid", userId));
            requestAnalysis(c.corpId, c.id, "wecom:customer-deleted-rep");
        });
    }

    /** A transfer of the customer to another rep failed (transfer_fail): recorded for the manager. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transferFailed(String externalUserId, String userId, String reason) {
        findByExternalUserId(externalUserId).ifPresent(c -> audit.record(c.corpId, ACTOR, "WECOM_TRANSFER_FAILED", "customer", c.id,
                Map.of("userid", String.valueOf(userId), "reason", String.valueOf(reason))));
    }

    // ---- refresh, followers, tags ------------------------------------------------------

    private void refresh(Customer c, ExternalContact contact) {
        if (contact.getAvatar() != null) {
            c.avatarUrl = truncate(contact.getAvatar(), 512);
        }
        if (c.company == null && contact.getCorpName() != null) {
            c.company = truncate(contact.getCorpName(), 128);
        }
        if (c.position == null && contact.getPosition() != null) {
            c.position = truncate(contact.getPosition(), 64);
        }
    }

    private void follow(Customer customer, FollowedUser f, Employee employee) {
        CustomerFollower row = CustomerFollower.<CustomerFollower>find("customerId = ?1 and employeeId = ?2", customer.id, employee.id)
                .firstResultOptional().orElseGet(() -> {
                    CustomerFollower created = new CustomerFollower();
                    created.corpId = customer.corpId;
                    created.customerId = customer.id;
                    created.employeeId = employee.id;
                    return created;
                });
        row.remark = truncate(f.getRemark(), 128);
        row.addWay = parseInt(f.getAddWay());
        row.state = truncate(f.getState(), 64);
        row.active = true;
        row.deletedByCustomerAt = null;
        if (row.id == null) {
            row.persist();
        }
        if (customer.ownerId == null) {
            customer.ownerId = employee.id;
        }
    }

    /** The first valid mainland mobile the reps noted, the adding rep's first. */
    private static String remarkMobile(FollowedUser adding, List<FollowedUser> follows) {
        List<FollowedUser> ordered = new ArrayList<>();
        if (adding != null) {
            ordered.add(adding);
        }
        follows.stream().filter(f -> f != adding).forEach(ordered::add);
        for (FollowedUser f : ordered) {
            if (f.getRemarkMobiles() != null) {
                for (String mobile : f.getRemarkMobiles()) {
                    String normalised = PhoneNumbers.normalise(mobile);
                    if (PhoneNumbers.isValid(normalised)) {
                        return normalised;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Mirrors the contact's WeCom tags (the union over its follow relations) onto the customer as a three-way merge
     * against what WeCom showed last time: added there → added here, removed there → removed here, and tags Qingke
     * has that WeCom never showed (a write-back still on its way, or a Qingke-only tag) stay.
     */
    private void mirrorTags(Customer customer, String externalUserId, List<FollowedUser> follows) {
        Set<String> inWeCom = new LinkedHashSet<>();
        for (FollowedUser f : follows) {
            if (f.getTags() != null) {
                for (FollowedUser.Tag t : f.getTags()) {
                    if (t.getTagName() != null && t.getTagName().length() <= MAX_TAG_NAME) {
                        inWeCom.add(t.getTagName());
                        WeComTag.remember(customer.corpId, t.getTagId(), t.getTagName(), t.getGroupName());
                    }
                }
            }
        }
        WeComContactTags last = WeComContactTags.lock(customer.corpId, externalUserId);
        Set<String> before = last == null ? Set.of() : new LinkedHashSet<>(last.tagNames);
        Set<String> tags = new LinkedHashSet<>(customer.tags);
        inWeCom.stream().filter(t -> !before.contains(t)).forEach(tags::add);
        before.stream().filter(t -> !inWeCom.contains(t)).forEach(tags::remove);
        if (!tags.equals(new LinkedHashSet<>(customer.tags))) {
            List<String> was = List.copyOf(customer.tags);
            customer.tags = new ArrayList<>(tags);
            audit.record(customer.corpId, ACTOR, "CUSTOMER_TAGS_CHANGED", "customer", customer.id,
                    Map.of("before", was, "after", List.copyOf(customer.tags), "source", SOURCE, "externalUserId", externalUserId));
        }
        if (last == null || !new LinkedHashSet<>(last.tagNames).equals(inWeCom)) {
            WeComContactTags.save(customer.corpId, externalUserId, inWeCom);
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    private record FollowPair(Customer customer, CustomerFollower follower) {
    }

    private Optional<FollowPair> findFollow(String externalUserId, String userId) {
        Optional<Customer> customer = findByExternalUserId(externalUserId);
        Optional<Employee> employee = Employee.findByUserId(qingke.corpId(), userId);
        if (customer.isEmpty() || employee.isEmpty()) {
            return Optional.empty();
        }
        return CustomerFollower.<CustomerFollower>find("customerId = ?1 and employeeId = ?2", customer.get().id, employee.get().id)
                .firstResultOptional().map(f -> new FollowPair(customer.get(), f));
    }

    private static void event(Customer customer, EventType type, Long employeeId, Instant at, String key, Map<String, Object> metadata) {
        String idempotencyKey = truncate(key, 128);
        if (BehaviourEvent.count("corpId = ?1 and idempotencyKey = ?2", customer.corpId, idempotencyKey) > 0) {
            return;
        }
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = customer.corpId;
        e.customerId = customer.id;
        e.type = type;
        e.occurredAt = at;
        e.source = SOURCE;
        e.employeeId = employeeId;
        e.metadata.putAll(metadata);
        e.idempotencyKey = idempotencyKey;
        e.record();
        if (customer.lastActivityAt == null || customer.lastActivityAt.isBefore(at)) {
            customer.lastActivityAt = at;
        }
    }

    /** The single place where WeCom changes ask for the customer to be analysed again (intent, risk, actions). */
    private void requestAnalysis(String corpId, Long customerId, String reason) {
        analysis.request(corpId, customerId, reason);
    }

    private static Integer parseInt(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
