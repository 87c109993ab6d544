package com.qingke.recommendation.rules;

import com.qingke.recommendation.facts.ActionProposal;
import com.qingke.recommendation.facts.FactSet;
import com.qingke.recommendation.facts.OpportunityFact;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders an action's message draft from its Qute template (rules/templates/NAME.txt). Templates see
 * {customer.*}, {opportunity.*} (or nothing), {intent.*}, {material.*} (or nothing), {reason} and {link}.
 * The tracked link is created only when the rep confirms, so the draft carries {@link #LINK_PLACEHOLDER} in its
 * place and confirmation swaps in the real URL.
 */
public final class DraftRenderer {
    public static final String LINK_PLACEHOLDER = "[资料链接]";

    private DraftRenderer() {
    }

    /** A template engine of its own: rule templates are read at run time, so values are resolved by reflection. */
    public static Engine engine() {
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).removeStandaloneLines(true).build();
    }

    public static String render(CompiledRules rules, ActionProposal proposal, FactSet facts, Evaluation evaluation,
                                DraftMaterial material) {
        if (proposal.getTemplate() == null) {
            return null;
        }
        Template template = rules.templates().get(proposal.getTemplate());
        if (template == null) {
            return null;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("customer", facts.customer());
        data.put("opportunity", opportunity(facts, proposal.getOpportunityId()));
        data.put("intent", Map.of("score", evaluation.intentScore(), "grade", evaluation.intentGrade() == null ? "" : evaluation.intentGrade()));
        data.put("material", material);
        data.put("reason", proposal.getReason() == null ? "" : proposal.getReason());
        data.put("link", material == null ? "" : LINK_PLACEHOLDER);
        String text = template.data(data).render().strip();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static OpportunityFact opportunity(FactSet facts, Long opportunityId) {
        if (opportunityId == null) {
            return facts.opportunities().stream().filter(OpportunityFact::isOpen).findFirst().orElse(null);
        }
        return facts.opportunities().stream().filter(o -> o.getOpportunityId() == opportunityId).findFirst().orElse(null);
    }
}
