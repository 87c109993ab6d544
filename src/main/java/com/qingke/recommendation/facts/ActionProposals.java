package com.qingke.recommendation.facts;

import com.qingke.recommendation.ActionKind;
import org.kie.api.runtime.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global {@code actions} of the rule base: action rules call {@code actions.message(kcontext)},
 * {@code actions.task(kcontext)} or {@code actions.alert(kcontext)}. One proposal per rule and customer: when a rule
 * fires twice (e.g. for two opportunities) the proposal with the higher priority is kept.
 */
public class ActionProposals {
    private final Map<String, ActionProposal> byRule = new LinkedHashMap<>();
    private final List<ActionProposal> all = new ArrayList<>();

    public ActionProposal message(RuleContext kcontext) {
        return add(new ActionProposal(kcontext.getRule().getName(), ActionKind.MESSAGE));
    }

    public ActionProposal task(RuleContext kcontext) {
        return add(new ActionProposal(kcontext.getRule().getName(), ActionKind.TASK));
    }

    public ActionProposal alert(RuleContext kcontext) {
        return add(new ActionProposal(kcontext.getRule().getName(), ActionKind.ALERT));
    }

    private ActionProposal add(ActionProposal proposal) {
        all.add(proposal);
        return proposal;
    }

    /** The proposals, one per rule (highest priority wins), highest priority first. */
    public List<ActionProposal> distinct() {
        byRule.clear();
        for (ActionProposal p : all) {
            ActionProposal kept = byRule.get(p.getRuleName());
            if (kept == null || p.getPriority() > kept.getPriority()) {
                byRule.put(p.getRuleName(), p);
            }
        }
        List<ActionProposal> result = new ArrayList<>(byRule.values());
        result.sort((a, b) -> Integer.compare(b.getPriority(), a.getPriority()));
        return result;
    }
}
