package com.qingke.recommendation.rules;

import com.qingke.recommendation.facts.ActionProposals;
import com.qingke.recommendation.facts.FactSet;
import com.qingke.recommendation.facts.IntentScore;
import com.qingke.recommendation.facts.RiskTag;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a compiled rule set over one customer's facts in a session of its own, stage by stage:
 * intent-score → (score capped to 0..100) → intent-grade → risk → action.
 */
public class RuleEvaluator {
    /** Name of the global that action rules propose through. */
    public static final String ACTIONS_GLOBAL = "actions";
    /** A stage that fires this many times is looping (a rule that keeps re-activating itself). */
    static final int MAX_FIRINGS_PER_STAGE = 10_000;

    public Evaluation evaluate(CompiledRules rules, FactSet facts) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            Set<String> fired = new LinkedHashSet<>();
            Map<String, RiskTag> risks = new LinkedHashMap<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getObject() instanceof RiskTag tag) {
                        risks.putIfAbsent(tag.getName(), tag);
                    }
                }
            });
            ActionProposals actions = new ActionProposals();
            if (declaresGlobal(rules, ACTIONS_GLOBAL)) {
                session.setGlobal(ACTIONS_GLOBAL, actions);
            }
            IntentScore intent = new IntentScore();
            session.insert(facts.customer());
            session.insert(facts.activity());
            facts.opportunities().forEach(session::insert);
            facts.tasks().forEach(session::insert);
            FactHandle intentHandle = session.insert(intent);

            fire(session, Stage.INTENT_SCORE);
            intent.cap();
            session.update(intentHandle, intent);
            fire(session, Stage.INTENT_GRADE);
            session.update(intentHandle, intent);
            fire(session, Stage.RISK);
            fire(session, Stage.ACTION);

            return new Evaluation(facts.customerId(), intent.getScore(), intent.getGrade(), List.copyOf(intent.getReasons()),
                    new ArrayList<>(risks.values()), actions.distinct(), List.copyOf(fired), rules.version());
        } finally {
            session.dispose();
        }
    }

    private static void fire(KieSession session, Stage stage) {
        session.getAgenda().getAgendaGroup(stage.group()).setFocus();
        int firings = session.fireAllRules(MAX_FIRINGS_PER_STAGE);
        if (firings >= MAX_FIRINGS_PER_STAGE) {
            throw new IllegalStateException("Stage " + stage.group() + " fired " + firings + " times: a rule keeps re-activating itself");
        }
    }

    private static boolean declaresGlobal(CompiledRules rules, String name) {
        for (KiePackage pkg : rules.kieBase().getKiePackages()) {
            if (pkg.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }
}
