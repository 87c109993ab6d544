package com.qingke.lead;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityService;
import com.qingke.identity.ResolvedCustomer;
import com.qingke.identity.TransientRetry;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.platform.Audit;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.timeline.BehaviourEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one pipeline every channel calls when a person shows up (WF-01): resolve the identity (WF-02), give a new
 * customer an owner, record the behaviour event, open an opportunity at the first stage with its stage history,
 * give the first intent score, ask for the full analysis, and tell the owner.
 *
 * <p>{@link #capture} runs in a transaction of its own and reruns it when a concurrent arrival of the same person won a
 * race (see {@link com.qingke.identity.IdentityService}); it is idempotent by the arrival's idempotency key, so a
 * retried callback records nothing twice. Called from inside another transaction, that one is suspended.
 */
@ApplicationScoped
public class LeadCapture {
    static final String ACTOR = "system:lead-capture";

    private final IdentityService identity;
    private final OwnerAssignment owners;
    private final InitialIntentScore initialScore;
    private final Audit audit;
    private final Event<LeadCaptured> captured;
    private final AnalysisRequests analysis;

    LeadCapture(IdentityService identity, OwnerAssignment owners, InitialIntentScore initialScore, Audit audit,
                Event<LeadCaptured> captured, AnalysisRequests analysis) {
        this.analysis = analysis;
        this.identity = identity;
        this.owners = owners;
        this.initialScore = initialScore;
        this.audit = audit;
        this.captured = captured;
    }

    /** Captures the arrival in its own transaction, retried on a lost race. */
    public LeadResult capture(LeadArrival arrival) {
        return TransientRetry.inNewTransaction(() -> captureInCurrentTransaction(arrival));
    }

    /**
     * The same pipeline inside the caller's transaction, for callers that batch several captures or own the retry
     * themselves (a lost race then fails the caller's transaction, which must be run again as a whole).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LeadResult captureInCurrentTransaction(LeadArrival arrival) {
        String eventKey = eventKey(arrival.idempotencyKey());
        if (eventKey != null) {
            Optional<BehaviourEvent> seen = BehaviourEvent.find("corpId = ?1 and idempotencyKey = ?2", arrival.corpId(), eventKey)
                    .firstResultOptional();
            if (seen.isPresent()) {
                long customerId = identity.activeId(seen.get().customerId);
                Customer c = Customer.findById(customerId);
                return LeadResult.duplicateOf(customerId, seen.get().id, c == null ? null : c.ownerId);
            }
        }
        Campaign campaign = arrival.campaignCode() == null ? null
                : Campaign.findByCode(arrival.corpId(), arrival.campaignCode()).orElse(null);
        Long campaignId = campaign == null ? null : campaign.id;

        if (arrival.kind() == LeadArrival.Kind.ACTIVITY_OF_KNOWN
                && identity.findAny(arrival.corpId(), arrival.keys()).isEmpty()) {
            return LeadResult.unknown();
        }
        ResolvedCustomer resolved = identity.resolveOrCreate(arrival.corpId(), arrival.keys(), arrival.seed(),
                arrival.channel(), campaignId);
        Customer customer = Customer.findById(resolved.customerId());

        boolean newOwner = false;
        if (customer.ownerId == null) {
            customer.ownerId = owners.ownerFor(arrival.corpId(), arrival.channelRepId(), campaign);
            newOwner = customer.ownerId != null;
        }
        if (arrival.channelRepId() != null) {
            follow(customer, arrival.channelRepId());
        }

        BehaviourEvent event = new BehaviourEvent();
        event.corpId = arrival.corpId();
        event.customerId = customer.id;
        event.type = arrival.eventType();
        event.occurredAt = arrival.occurredAt();
        event.source = arrival.channel().name();
        event.employeeId = arrival.channelRepId();
        Map<String, Object> metadata = new LinkedHashMap<>(arrival.metadata());
        if (arrival.campaignCode() != null) {
            metadata.put("campaignCode", arrival.campaignCode());
        }
        if (campaign != null) {
            metadata.put("campaignId", campaign.id);
            metadata.put("campaignName", campaign.name);
        }
        event.metadata = metadata;
        event.idempotencyKey = eventKey;
        event.record();
        if (customer.lastActivityAt == null || arrival.occurredAt().isAfter(customer.lastActivityAt)) {
            customer.lastActivityAt = arrival.occurredAt();
        }

        Opportunity opportunity = null;
        if (arrival.kind() == LeadArrival.Kind.LEAD) {
            opportunity = openOpportunityIfNone(customer, arrival, campaign);
            if (customer.intentScore == null) {
                InitialIntentScore.Score score = initialScore.of(arrival.channel(), campaign != null,
                        customer.company != null && !customer.company.isBlank(), hasNeed(arrival));
                customer.intentScore = score.score();
                customer.intentGrade = score.grade();
                customer.intentReasons = new java.util.ArrayList<>(score.reasons());
                if (opportunity != null) {
                    opportunity.intentScore = score.score();
                }
            }
        }
        // the full analysis (WF-03) replaces the first score; the request commits with the lead (outbox)
        analysis.request(arrival.corpId(), customer.id, "lead:" + arrival.eventType().name());

        if (resolved.created() || opportunity != null) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("channel", arrival.channel().name());
            detail.put("newCustomer", resolved.created());
            detail.put("eventId", event.id);
            if (opportunity != null) {
                detail.put("opportunityId", opportunity.id);
            }
            if (campaign != null) {
                detail.put("campaignId", campaign.id);
            }
            if (customer.ownerId != null) {
                detail.put("ownerId", customer.ownerId);
            }
            audit.record(arrival.corpId(), ACTOR, "LEAD_CAPTURED", "customer", customer.id, detail);
        }
        if (arrival.kind() == LeadArrival.Kind.LEAD && (resolved.created() || opportunity != null || newOwner)) {
            Employee owner = customer.ownerId == null ? null : Employee.findById(customer.ownerId);
            captured.fire(new LeadCaptured(arrival.corpId(), customer.id, opportunity == null ? null : opportunity.id,
                    customer.ownerId, owner == null ? null : owner.wecomUserId, resolved.created(), customer.name,
                    customer.company, channelLabel(arrival.channel()), campaign == null ? null : campaign.name,
                    customer.intentGrade));
        }
        return new LeadResult(customer.id, resolved.created(), false, event.id, opportunity == null ? null : opportunity.id,
                customer.ownerId, resolved.mergeIds(), resolved.suggestionIds());
    }

    private Opportunity openOpportunityIfNone(Customer customer, LeadArrival arrival, Campaign campaign) {
        long open = Opportunity.count("customerId = ?1 and stage in ?2", customer.id, List.of(Stage.open()));
        if (open > 0) {
            return null;
        }
        Opportunity o = new Opportunity();
        o.corpId = customer.corpId;
        o.customerId = customer.id;
        o.ownerId = customer.ownerId;
        String who = customer.company != null && !customer.company.isBlank() ? customer.company : customer.name;
        String name = who + " · " + (campaign != null ? campaign.name : channelLabel(arrival.channel()));
        o.name = name.length() > 128 ? name.substring(0, 128) : name;
        o.stage = Stage.INITIAL;
        o.channel = arrival.channel();
        o.campaignId = campaign == null ? null : campaign.id;
        o.stageChangedAt = Instant.now();
        o.persist();
        StageChange change = new StageChange();
        change.corpId = o.corpId;
        change.opportunityId = o.id;
        change.fromStage = null;
        change.toStage = Stage.INITIAL;
        change.changedBy = ACTOR;
        change.changedAt = o.stageChangedAt;
        change.persist();
        return o;
    }

    private static void follow(Customer customer, long employeeId) {
        CustomerFollower f = CustomerFollower.find("customerId = ?1 and employeeId = ?2", customer.id, employeeId).firstResult();
        if (f == null) {
            f = new CustomerFollower();
            f.corpId = customer.corpId;
            f.customerId = customer.id;
            f.employeeId = employeeId;
            f.persist();
        } else if (!f.active) {
            f.active = true;
            f.deletedByCustomerAt = null;
        }
    }

    private static boolean hasNeed(LeadArrival arrival) {
        Object need = arrival.metadata().get("need");
        return need instanceof String s && !s.isBlank();
    }

    static String channelLabel(Channel channel) {
        return switch (channel) {
            case OA_QR -> "公众号";
            case WECOM_QR -> "企业微信";
            case WEB_FORM -> "网页表单";
            case IMPORT -> "批量导入";
            case MANUAL -> "手动录入";
        };
    }

    /** Idempotency keys fit the 128-character column: longer ones are replaced by their SHA-256. */
    static String eventKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() <= 128) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
