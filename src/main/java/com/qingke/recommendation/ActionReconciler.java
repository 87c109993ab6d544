package com.qingke.recommendation;

import com.qingke.customer.Customer;
import com.qingke.material.Material;
import com.qingke.material.MaterialKind;
import com.qingke.material.MaterialService;
import com.qingke.platform.Audit;
import com.qingke.recommendation.facts.ActionProposal;
import com.qingke.recommendation.facts.FactSet;
import com.qingke.recommendation.rules.CompiledRules;
import com.qingke.recommendation.rules.DraftMaterial;
import com.qingke.recommendation.rules.DraftRenderer;
import com.qingke.recommendation.rules.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an evaluation into the customer's open actions: a rule that fires gets one open action (never a second one),
 * a PROPOSED action whose rule stopped firing is SUPERSEDED, and a rule the rep just dismissed or executed rests for a
 * while. Confirmed actions are the rep's and are left alone.
 */
@ApplicationScoped
public class ActionReconciler {
    public static final String SYSTEM_ACTOR = "system";

    private final MaterialService materials;
    private final Audit audit;
    private final RecommendationConfig config;

    ActionReconciler(MaterialService materials, Audit audit, RecommendationConfig config) {
        this.materials = materials;
        this.audit = audit;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Reconciliation reconcile(Customer customer, Evaluation evaluation, FactSet facts, CompiledRules rules, Instant now) {
        return reconcileAll(List.of(new Input(customer, evaluation, facts)), rules, now).get(customer.id);
    }

    /** One customer's analysis outcome to reconcile. */
    public record Input(Customer customer, Evaluation evaluation, FactSet facts) {
    }

    /**
     * Reconciles a batch of customers with a handful of queries for all of them (their open actions, their recently
     * closed ones, and the material library once per corp), instead of a few per customer. Result per customer id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Reconciliation> reconcileAll(List<Input> inputs, CompiledRules rules, Instant now) {
        Map<Long, Reconciliation> result = new HashMap<>();
        if (inputs.isEmpty()) {
            return result;
        }
        List<Long> ids = inputs.stream().map(i -> i.customer().id).toList();
        // one statement for both: the open actions and the rules that rest after a recent dismissal or execution
        Instant restingSince = now.minus(Duration.ofDays(config.repeatAfterDays()));
        Map<Long, List<RecommendedAction>> openByCustomer = new HashMap<>();
        Map<Long, Set<String>> restingByCustomer = new HashMap<>();
        RecommendedAction.<RecommendedAction>list("customerId in ?1 and (status in ?2 "
                                + "or (status = ?3 and decidedAt >= ?4) or (status = ?5 and executedAt >= ?4))", ids,
                        List.of(ActionStatus.PROPOSED, ActionStatus.CONFIRMED), ActionStatus.DISMISSED, restingSince, ActionStatus.EXECUTED)
                .forEach(a -> {
                    if (a.status == ActionStatus.PROPOSED || a.status == ActionStatus.CONFIRMED) {
                        openByCustomer.computeIfAbsent(a.customerId, k -> new ArrayList<>()).add(a);
                    } else {
                        restingByCustomer.computeIfAbsent(a.customerId, k -> new HashSet<>()).add(a.ruleName);
                    }
                });
        Map<String, MaterialService.Picker> pickers = new HashMap<>();

        for (Input input : inputs) {
            Customer customer = input.customer();
            List<RecommendedAction> open = openByCustomer.getOrDefault(customer.id, List.of());
            Map<String, RecommendedAction> openByRule = new HashMap<>();
            open.forEach(a -> openByRule.put(a.ruleName, a));
            Set<String> resting = restingByCustomer.getOrDefault(customer.id, Set.of());

            List<Long> proposed = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            List<String> rested = new ArrayList<>();
            Set<String> firing = new HashSet<>();
            for (ActionProposal p : input.evaluation().proposals()) {
                firing.add(p.getRuleName());
                if (openByRule.containsKey(p.getRuleName())) {
                    kept.add(p.getRuleName());
                } else if (resting.contains(p.getRuleName())) {
                    rested.add(p.getRuleName());
                } else {
                    MaterialService.Picker picker = pickers.computeIfAbsent(customer.corpId, corp -> materials.picker(corp, ids));
                    proposed.add(propose(customer, p, input.evaluation(), input.facts(), rules, picker).id);
                }
            }
            List<Long> superseded = new ArrayList<>();
            for (RecommendedAction a : open) {
                if (a.status == ActionStatus.PROPOSED && !firing.contains(a.ruleName)) {
                    supersede(a, "规则不再触发（规则版本 " + rules.version() + "）");
                    superseded.add(a.id);
                }
            }
            result.put(customer.id, new Reconciliation(proposed, superseded, kept, rested));
        }
        return result;
    }

    /** Supersedes every PROPOSED action of a customer that is no longer active (merged or erased). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> supersedeAll(long customerId, String why) {
        List<RecommendedAction> open = RecommendedAction.list("customerId = ?1 and status = ?2", customerId, ActionStatus.PROPOSED);
        open.forEach(a -> supersede(a, why));
        return open.stream().map(a -> a.id).toList();
    }

    private RecommendedAction propose(Customer customer, ActionProposal p, Evaluation evaluation, FactSet facts, CompiledRules rules,
                                      MaterialService.Picker picker) {
        Optional<Material> material = p.getMaterialKind() == null ? Optional.empty()
                : picker.pick(customer.id, MaterialKind.valueOf(p.getMaterialKind()));
        DraftMaterial draftMaterial = material.map(m -> new DraftMaterial(m.id, m.kind.name(), m.kind.label(), m.title, m.description))
                .orElse(null);
        RecommendedAction a = new RecommendedAction();
        a.corpId = customer.corpId;
        a.customerId = customer.id;
        a.opportunityId = p.getOpportunityId();
        a.ownerId = customer.ownerId;
        a.ruleName = cut(p.getRuleName(), 128);
        a.kind = p.getKind();
        a.priority = p.getPriority();
        a.title = cut(p.getTitle() == null || p.getTitle().isBlank() ? p.getRuleName() : p.getTitle(), 255);
        a.reason = cut(p.getReason(), 512);
        a.draftText = DraftRenderer.render(rules, p, facts, evaluation, draftMaterial);
        a.materialId = material.map(m -> m.id).orElse(null);
        a.taskTitle = cut(p.getTaskTitle(), 255);
        a.taskDueDays = p.getTaskDueDays();
        a.status = ActionStatus.PROPOSED;
        a.openKey = RecommendedAction.openKey(customer.id, a.ruleName);
        a.ruleVersion = rules.version();
        a.persist();
        return a;
    }

    private void supersede(RecommendedAction a, String why) {
        a.status = ActionStatus.SUPERSEDED;
        a.openKey = null;
        a.executionResult = cut(why, 512);
        audit.record(a.corpId, SYSTEM_ACTOR, "ACTION_SUPERSEDED", "recommended_action", a.id, Map.of("rule", a.ruleName, "why", why));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
