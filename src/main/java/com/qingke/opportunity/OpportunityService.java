package com.qingke.opportunity;

import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.scoring.CustomerAnalysisService;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The rep's changes to an opportunity (spec OP-01/OP-02/OP-04): moving its stage and marking decision-chain contacts
 * reached. Each change is audited, goes on the customer's timeline where it is an event, and asks for the customer to
 * be analysed again; the analysis also runs at once so the sidebar shows the new win rate in the same round trip.
 */
@ApplicationScoped
public class OpportunityService {
    private static final Logger LOG = Logger.getLogger(OpportunityService.class);

    private final CustomerAccess access;
    private final CurrentUser user;
    private final Audit audit;
    private final AnalysisRequests analysisRequests;
    private final CustomerAnalysisService analysis;
    private final OpportunityConfig config;

    OpportunityService(CustomerAccess access, CurrentUser user, Audit audit, AnalysisRequests analysisRequests,
                       CustomerAnalysisService analysis, OpportunityConfig config) {
        this.access = access;
        this.user = user;
        this.audit = audit;
        this.analysisRequests = analysisRequests;
        this.analysis = analysis;
        this.config = config;
    }

    @Transactional
    public OpportunityView get(long id) {
        return view(require(id, false));
    }

    /** A customer's opportunities, open ones first, then the most recently moved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Opportunity> forCustomer(long customerId) {
        List<Opportunity> all = new ArrayList<>(Opportunity.<Opportunity>list("customerId", customerId));
        all.sort(Comparator.comparing((Opportunity o) -> o.stage.isClosed())
                .thenComparing(o -> o.stageChangedAt, Comparator.reverseOrder())
                .thenComparing(o -> o.id, Comparator.reverseOrder()));
        return all;
    }

    /** Moves the opportunity to another stage, then analyses the customer so the returned win rate is current. */
    public OpportunityView changeStage(long id, StageChangeRequest request) {
        long customerId = QuarkusTransaction.requiringNew().call(() -> moveStage(id, request));
        analyseNow(customerId);
        return QuarkusTransaction.requiringNew().call(() -> view(require(id, false)));
    }

    /** Marks a decision-chain contact reached (or not), updates the chain status and re-analyses the customer. */
    public OpportunityView markContact(long id, long contactId, boolean reached) {
        Long customerId = QuarkusTransaction.requiringNew().call(() -> updateContact(id, contactId, reached));
        if (customerId != null) {
            analyseNow(customerId);
        }
        return QuarkusTransaction.requiringNew().call(() -> view(require(id, false)));
    }

    public static List<OpportunityView.StageOption> stageOptions() {
        return Arrays.stream(Stage.values()).map(s -> new OpportunityView.StageOption(s, s.label(), s.isClosed())).toList();
    }

    /** The view of an opportunity the caller may already see: its contacts in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OpportunityView view(Opportunity o) {
        List<DecisionContact> contacts = DecisionContact.list("opportunityId = ?1 order by id", o.id);
        return new OpportunityView(o.id, o.customerId, o.name, o.stage, o.stage.label(), o.stage.isClosed(), o.amount,
                o.createdAt, o.stageChangedAt, o.winRate, List.copyOf(o.winRateFactors), o.decisionChainStatus,
                contacts.stream().map(DecisionContactView::of).toList(), gaps(contacts), o.lostReason, o.closedAt);
    }

    private long moveStage(long id, StageChangeRequest request) {
        Opportunity o = require(id, true);
        Stage from = o.stage;
        Stage to = request.stage();
        if (from == to) {
            throw ProblemException.conflict("商机已处于「" + to.label() + "」阶段");
        }
        if (from.isClosed()) {
            throw ProblemException.conflict("商机已" + from.label() + "，不能再变更阶段");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (to == Stage.LOST && reason == null) {
            throw ProblemException.badRequest("请填写输单原因");
        }
        Instant now = Instant.now();
        o.stage = to;
        o.stageChangedAt = now;
        if (to.isClosed()) {
            o.closedAt = now;
        }
        if (to == Stage.LOST) {
            o.lostReason = reason;
        }
        StageChange change = new StageChange();
        change.corpId = o.corpId;
        change.opportunityId = o.id;
        change.fromStage = from;
        change.toStage = to;
        change.changedBy = user.actor();
        change.changedAt = now;
        change.persist();

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("opportunityId", o.id);
        detail.put("from", from.name());
        detail.put("to", to.name());
        detail.put("fromLabel", from.label());
        detail.put("toLabel", to.label());
        if (reason != null) {
            detail.put("reason", reason);
        }
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = o.corpId;
        e.customerId = o.customerId;
        e.type = to == Stage.WON ? EventType.DEAL_WON : to == Stage.LOST ? EventType.DEAL_LOST : EventType.STAGE_CHANGED;
        e.occurredAt = now;
        e.source = "QINGKE";
        e.employeeId = user.employeeId();
        e.metadata = new LinkedHashMap<>(detail);
        e.idempotencyKey = "stage:" + change.id;
        e.record();
        audit.record(o.corpId, user.actor(), "OPPORTUNITY_STAGE_CHANGED", "opportunity", o.id, detail);
        analysisRequests.request(o.corpId, o.customerId, "STAGE_CHANGED");
        return o.customerId;
    }

    /** The customer to analyse again, or null when nothing changed. */
    private Long updateContact(long id, long contactId, boolean reached) {
        Opportunity o = require(id, true);
        DecisionContact d = DecisionContact.findById(contactId);
        if (d == null || !d.opportunityId.equals(o.id)) {
            throw ProblemException.notFound("决策链联系人", contactId);
        }
        if (d.reached == reached) {
            return null;
        }
        d.reached = reached;
        d.reachedAt = reached ? Instant.now() : null;
        List<DecisionContact> contacts = DecisionContact.list("opportunityId", o.id);
        o.decisionChainStatus = chainStatus(contacts);
        audit.record(o.corpId, user.actor(), reached ? "DECISION_CONTACT_REACHED" : "DECISION_CONTACT_UNREACHED",
                "opportunity", o.id, Map.of("contactId", d.id, "role", d.role.name(), "chain", o.decisionChainStatus.name()));
        analysisRequests.request(o.corpId, o.customerId, "DECISION_CHAIN_CHANGED");
        return o.customerId;
    }

    static DecisionChainStatus chainStatus(List<DecisionContact> contacts) {
        if (contacts.stream().anyMatch(c -> c.reached && c.role == DecisionRole.DECISION_MAKER)) {
            return DecisionChainStatus.DECISION_MAKER_REACHED;
        }
        return contacts.stream().anyMatch(c -> c.reached) ? DecisionChainStatus.PARTIAL : DecisionChainStatus.NONE;
    }

    private List<String> gaps(List<DecisionContact> contacts) {
        Set<DecisionRole> known = EnumSet.noneOf(DecisionRole.class);
        Set<DecisionRole> reached = EnumSet.noneOf(DecisionRole.class);
        for (DecisionContact c : contacts) {
            known.add(c.role);
            if (c.reached) {
                reached.add(c.role);
            }
        }
        List<String> gaps = new ArrayList<>();
        for (DecisionRole role : config.keyRoles()) {
            if (!known.contains(role)) {
                gaps.add(role.label() + "未识别");
            } else if (!reached.contains(role)) {
                gaps.add(role.label() + "未触达");
            }
        }
        return gaps;
    }

    /**
     * Runs the analysis now so the rep sees the new win rate. The queued request stays as the safety net: if this
     * fails (say the rule base is being replaced), the worker analyses the customer shortly after.
     */
    private void analyseNow(long customerId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> analysis.analyse(customerId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Immediate analysis of customer %d failed; the queued request will retry it", customerId);
        }
    }

    private Opportunity require(long id, boolean lock) {
        if (lock) {
            // Native lock before the first read of the row, so the read sees the latest commit. Hibernate's MySQL
            // dialect would write "for update of alias", which MariaDB rejects.
            Opportunity.getEntityManager().createNativeQuery("select id from opportunity where id = ?1 for update")
                    .setParameter(1, id).getResultList();
        }
        Opportunity o = Opportunity.findById(id);
        if (o == null || !o.corpId.equals(user.corpId())) {
            throw ProblemException.notFound("商机", id);
        }
        access.require(o.customerId);
        return o;
    }
}
