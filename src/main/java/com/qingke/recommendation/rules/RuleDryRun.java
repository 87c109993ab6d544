package com.qingke.recommendation.rules;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.recommendation.facts.ActionProposal;
import com.qingke.scoring.CustomerFacts;
import com.qingke.scoring.FactBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a candidate rule set against the current customers without storing anything: the session is read-only,
 * never flushed, and the transaction is rolled back. Reports per rule how many customers and actions it would produce,
 * next to the serving rule base, so a change can be judged before it goes live.
 */
@ApplicationScoped
public class RuleDryRun {
    private static final int BATCH = 200;
    private static final int MAX_ERRORS = 20;

    private final RuleBase ruleBase;
    private final FactBuilder facts;
    private final RulesConfig config;
    private final EntityManager em;
    private final RuleEvaluator evaluator = new RuleEvaluator();

    RuleDryRun(RuleBase ruleBase, FactBuilder facts, RulesConfig config, EntityManager em) {
        this.ruleBase = ruleBase;
        this.facts = facts;
        this.config = config;
        this.em = em;
    }

    /** The serving folder's files with the upload laid over them (or the upload alone with {@code replace}). */
    public RuleSources candidate(Map<String, String> drlFiles, Map<String, String> templates, boolean replace) {
        RuleSources live = RuleSources.read(ruleBase.dir());
        Map<String, String> drl = new LinkedHashMap<>(replace ? Map.of() : live.drlFiles());
        drl.putAll(drlFiles);
        Map<String, String> tpl = new LinkedHashMap<>(live.templates());
        if (templates != null) {
            tpl.putAll(templates);
        }
        return new RuleSources(drl, tpl);
    }

    @Transactional
    public DryRunReport run(String corpId, RuleSources sources) {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);

        CompiledRules candidate = ruleBase.compileCandidate(sources);
        CompiledRules live = ruleBase.current();
        long total = Customer.count("corpId = ?1 and status = ?2", corpId, CustomerStatus.ACTIVE);
        List<Customer> customers = Customer.<Customer>find("corpId = ?1 and status = ?2 order by id desc", corpId, CustomerStatus.ACTIVE)
                .page(0, config.dryRunLimit()).list();

        Map<String, Tally> tallies = new LinkedHashMap<>();
        candidate.rules().forEach(r -> tallies.put(r.name(), new Tally(r, true)));
        live.rules().forEach(r -> tallies.computeIfAbsent(r.name(), n -> new Tally(r, false)).inLive = true);
        List<DryRunReport.CustomerError> errors = new ArrayList<>();
        Instant now = Instant.now();
        for (int from = 0; from < customers.size(); from += BATCH) {
            List<Customer> batch = customers.subList(from, Math.min(customers.size(), from + BATCH));
            Map<Long, CustomerFacts> built = facts.build(batch, now);
            for (Customer c : batch) {
                CustomerFacts f = built.get(c.id);
                try {
                    Evaluation result = evaluator.evaluate(candidate, f.facts());
                    Map<String, ActionProposal> byRule = new HashMap<>();
                    result.proposals().forEach(p -> byRule.put(p.getRuleName(), p));
                    for (String rule : result.firedRules()) {
                        tallies.get(rule).candidate(c, byRule.get(rule), config.dryRunSample());
                    }
                } catch (RuntimeException e) {
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(new DryRunReport.CustomerError(c.id, e.getMessage()));
                    }
                }
                Evaluation current = evaluator.evaluate(live, f.facts());
                List<String> proposing = current.proposals().stream().map(ActionProposal::getRuleName).toList();
                for (String rule : current.firedRules()) {
                    Tally t = tallies.get(rule);
                    t.liveCustomers++;
                    if (proposing.contains(rule)) {
                        t.liveActions++;
                    }
                }
            }
            session.clear();
        }
        // belt and braces: even a write slipped in by some fact source is rolled back (read-only, never flushed, too)
        QuarkusTransaction.setRollbackOnly();
        List<DryRunReport.RuleOutcome> outcomes = tallies.values().stream().map(Tally::outcome).toList();
        return new DryRunReport(candidate.version(), live.version(), customers.size(), total > customers.size(), outcomes, errors);
    }

    private static final class Tally {
        final RuleInfo rule;
        final boolean inCandidate;
        boolean inLive;
        int customers;
        int actions;
        int liveCustomers;
        int liveActions;
        final List<DryRunReport.Sample> samples = new ArrayList<>();

        Tally(RuleInfo rule, boolean inCandidate) {
            this.rule = rule;
            this.inCandidate = inCandidate;
        }

        void candidate(Customer c, ActionProposal proposal, int sampleSize) {
            customers++;
            if (proposal != null) {
                actions++;
            }
            if (samples.size() < sampleSize) {
                samples.add(new DryRunReport.Sample(c.id, c.name, proposal == null ? null : proposal.getTitle()));
            }
        }

        DryRunReport.RuleOutcome outcome() {
            return new DryRunReport.RuleOutcome(rule.name(), rule.stage(), rule.file(), inCandidate, inLive, customers, actions,
                    List.copyOf(samples), liveCustomers, liveActions);
        }
    }
}
