package com.qingke.wecom;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.customer.PhoneNumbers;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.platform.Audit;
import com.qingke.platform.QingkeConfig;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Turns a WeCom external contact (externalcontact/get) into a Qingke customer: finds it by its external_userid or
 * unionid link, or creates it as a new lead (WF-01: customer, identity links, followers, an ADDED_WECOM event and an
 * INITIAL opportunity attributed to the channel QR's campaign). This is the one place where WeCom contacts enter the
 * customer master; identity resolution across channels can replace the lookup without touching the callers.
 */
@ApplicationScoped
public class WeComContactSync {
    static final String SOURCE = "WECOM";
    static final String ACTOR = "wecom";
    /** Same name the risk rules use, so the sidebar shows it before the next analysis runs. */
    static final String RISK_DELETED_BY_CUSTOMER = "客户删除了销售";

    private final QingkeConfig qingke;
    private final EmployeeDirectory directory;
    private final Audit audit;
    private final AnalysisRequests analysis;

    WeComContactSync(QingkeConfig qingke, EmployeeDirectory directory, Audit audit, AnalysisRequests analysis) {
        this.qingke = qingke;
        this.directory = directory;
        this.audit = audit;
        this.analysis = analysis;
    }

    public record Synced(Long customerId, boolean created) {
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
        String channelState = state != null ? state : adding == null ? null : adding.getState();

        // One directory lookup per follow user for the whole sync, so a member new to Qingke is created exactly once.
        Map<String, Employee> employees = new HashMap<>();
        Function<String, Employee> employee = userId -> employees.computeIfAbsent(userId, directory::follower);

        Optional<Customer> existing = find(corpId, contact.getExternalUserId(), contact.getUnionId());
        boolean created = existing.isEmpty();
        Customer customer = existing.orElseGet(() -> newLead(corpId, contact, adding, channelState, employee));
        if (!created) {
            refresh(customer, contact);
        }
        link(corpId, customer.id, IdentityKind.EXTERNAL_USERID, contact.getExternalUserId());
        link(corpId, customer.id, IdentityKind.UNIONID, contact.getUnionId());
        for (FollowedUser f : follows) {
            follow(customer, f, employee.apply(f.getUserId()));
        }
        mergeTagsAndPhone(customer, follows);
        if (created) {
            openOpportunity(customer, channelState);
            audit.record(corpId, ACTOR, "CUSTOMER_CREATED", "customer", customer.id,
                    Map.of("channel", Channel.WECOM_QR.name(), "state", String.valueOf(channelState)));
        }
        if (adding != null && (addedBy != null || created)) {
            recordAdded(customer, adding, channelState, employee.apply(adding.getUserId()));
        }
        requestAnalysis(corpId, customer.id, created ? "wecom:new-lead" : "wecom:contact-changed");
        return new Synced(customer.id, created);
    }

    /** The customer linked to an external_userid, if any (following merges to the surviving record). */
    public Optional<Customer> findByExternalUserId(String externalUserId) {
        return find(qingke.corpId(), externalUserId, null);
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

    // ---- creation and refresh ---------------------------------------------------------

    private Customer newLead(String corpId, ExternalContact contact, FollowedUser adding, String channelState,
                             Function<String, Employee> employee) {
        Customer c = new Customer();
        c.corpId = corpId;
        c.name = truncate(firstNonBlank(adding == null ? null : adding.getRemark(), contact.getName(), "企业微信客户"), 128);
        c.avatarUrl = truncate(contact.getAvatar(), 512);
        c.company = truncate(firstNonBlank(adding == null ? null : adding.getRemarkCorpName(), contact.getCorpName()), 128);
        c.position = truncate(contact.getPosition(), 64);
        c.gender = contact.getGender();
        c.sourceChannel = Channel.WECOM_QR;
        c.campaignId = campaign(corpId, channelState).map(k -> k.id).orElse(null);
        c.ownerId = adding == null ? null : employee.apply(adding.getUserId()).id;
        c.lastActivityAt = Instant.now();
        c.persist();
        return c;
    }

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

    private void mergeTagsAndPhone(Customer customer, List<FollowedUser> follows) {
        Set<String> tags = new LinkedHashSet<>(customer.tags);
        for (FollowedUser f : follows) {
            if (f.getTags() != null) {
                for (FollowedUser.Tag t : f.getTags()) {
                    if (t.getTagName() != null && t.getTagName().length() <= 32) {
                        tags.add(t.getTagName());
                        WeComTag.remember(customer.corpId, t.getTagId(), t.getTagName(), t.getGroupName());
                    }
                }
            }
            if (customer.phone == null && f.getRemarkMobiles() != null) {
                for (String mobile : f.getRemarkMobiles()) {
                    String normalised = PhoneNumbers.normalise(mobile);
                    if (PhoneNumbers.isValid(normalised)) {
                        customer.phone = normalised;
                        break;
                    }
                }
            }
        }
        if (!tags.equals(new LinkedHashSet<>(customer.tags))) {
            customer.tags = new ArrayList<>(tags);
        }
    }

    private void openOpportunity(Customer customer, String channelState) {
        Opportunity o = new Opportunity();
        o.corpId = customer.corpId;
        o.customerId = customer.id;
        o.ownerId = customer.ownerId;
        o.name = truncate(customer.name + " · 企业微信线索", 128);
        o.stage = Stage.INITIAL;
        o.channel = Channel.WECOM_QR;
        o.campaignId = customer.campaignId;
        o.persist();
        StageChange change = new StageChange();
        change.corpId = o.corpId;
        change.opportunityId = o.id;
        change.toStage = Stage.INITIAL;
        change.changedBy = ACTOR;
        change.persist();
    }

    private void recordAdded(Customer customer, FollowedUser adding, String channelState, Employee rep) {
        Instant at = adding.getCreateTime() == null ? Instant.now() : Instant.ofEpochSecond(adding.getCreateTime());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("userid", adding.getUserId());
        if (channelState != null) {
            metadata.put("state", channelState);
        }
        if (adding.getAddWay() != null) {
            metadata.put("add_way", adding.getAddWay());
        }
        if (customer.campaignId != null) {
            metadata.put("campaign_id", customer.campaignId);
        }
        event(customer, EventType.ADDED_WECOM, rep.id, at,
                "wecom:added:" + customer.id + ":" + adding.getUserId() + ":" + at.getEpochSecond(), metadata);
    }

    // ---- helpers ------------------------------------------------------------------------

    private Optional<Customer> find(String corpId, String externalUserId, String unionId) {
        Optional<IdentityLink> link = linkOf(corpId, IdentityKind.EXTERNAL_USERID, externalUserId);
        if (link.isEmpty()) {
            link = linkOf(corpId, IdentityKind.UNIONID, unionId);
        }
        Customer c = link.map(l -> Customer.<Customer>findById(l.customerId)).orElse(null);
        for (int hops = 0; c != null && c.status == CustomerStatus.MERGED && c.survivorId != null && hops < 5; hops++) {
            c = Customer.findById(c.survivorId);
        }
        return Optional.ofNullable(c).filter(x -> x.status != CustomerStatus.DELETED);
    }

    private static Optional<IdentityLink> linkOf(String corpId, IdentityKind kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return IdentityLink.find("corpId = ?1 and kind = ?2 and value = ?3", corpId, kind, value).firstResultOptional();
    }

    private static void link(String corpId, Long customerId, IdentityKind kind, String value) {
        if (value == null || value.isBlank() || linkOf(corpId, kind, value).isPresent()) {
            return;
        }
        IdentityLink l = new IdentityLink();
        l.corpId = corpId;
        l.customerId = customerId;
        l.kind = kind;
        l.value = value;
        l.source = SOURCE;
        l.persist();
    }

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

    private static Optional<Campaign> campaign(String corpId, String code) {
        return code == null || code.isBlank() ? Optional.empty() : Campaign.findByCode(corpId, code);
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
