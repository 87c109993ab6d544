package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.platform.JsonListConverter;
import com.qingke.platform.RowLocks;
import com.qingke.recommendation.ActionReconciler;
import com.qingke.recommendation.Reconciliation;
import com.qingke.recommendation.rules.CompiledRules;
import com.qingke.recommendation.rules.Evaluation;
import com.qingke.recommendation.rules.RuleBase;
import com.qingke.recommendation.rules.RuleEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * WF-03/WF-04: builds a customer's facts, runs the serving rule base, stores intent grade/score/reasons, risk tags and
 * win rates with the rule-base version and model snapshot that produced them, and reconciles the recommended actions.
 * Idempotent: analysing twice in a row stores the same results and proposes nothing new.
 * <p>
 * One customer (after an event) and a batch of customers (a rescore) go through the same code: the batch reads the
 * facts of all its customers with a handful of queries and writes the results with JDBC batches.
 */
@ApplicationScoped
public class CustomerAnalysisService {
    private static final String UPDATE_CUSTOMER = "update customer set intent_grade = ?, intent_score = ?, intent_reasons = ?, "
            + "risk_tags = ?, analysed_at = ?, rule_version = ?, model_snapshot_id = ? where id = ?";
    private static final String UPDATE_OPPORTUNITY = "update opportunity set win_rate = ?, win_rate_factors = ?, "
            + "model_snapshot_id = ?, intent_score = ? where id = ?";
    private static final JsonListConverter JSON_LIST = new JsonListConverter();

    private final RuleBase ruleBase;
    private final FactBuilder facts;
    private final ActionReconciler actions;
    private final EntityManager em;
    private final RuleEvaluator evaluator = new RuleEvaluator();

    CustomerAnalysisService(RuleBase ruleBase, FactBuilder facts, ActionReconciler actions, EntityManager em) {
        this.ruleBase = ruleBase;
        this.facts = facts;
        this.actions = actions;
        this.em = em;
    }

    @Transactional
    public AnalysisResult analyse(long customerId) {
        return analyseAll(List.of(customerId)).get(0);
    }

    /**
     * Analyses the customers in one transaction and returns one result per distinct id, ascending. The customer rows
     * are locked (ascending ids), so a worker analysing one of them after an event waits instead of proposing the
     * same rule's action twice.
     */
    @Transactional
    public List<AnalysisResult> analyseAll(Collection<Long> customerIds) {
        return analyseAll(customerIds, null);
    }

    /** As {@link #analyseAll(Collection)}, adding each phase's nanoseconds to {@code phases} (see {@link Phase}). */
    @Transactional
    public List<AnalysisResult> analyseAll(Collection<Long> customerIds, long[] phases) {
        long t0 = System.nanoTime();
        List<Long> ids = new ArrayList<>(new TreeSet<>(customerIds));
        Map<Long, Customer> locked = new LinkedHashMap<>();
        RowLocks.byIds(em, Customer.class, "customer", ids).forEach(c -> locked.put(c.id, c));
        CompiledRules rules = ruleBase.current();
        Instant now = Instant.now();

        List<Customer> active = locked.values().stream().filter(Customer::isActive).toList();
        long t1 = System.nanoTime();
        Map<Long, CustomerFacts> inputs = facts.build(active, now);
        long t2 = System.nanoTime();
        Map<Long, Evaluation> evaluations = new LinkedHashMap<>();
        List<ActionReconciler.Input> reconcile = new ArrayList<>();
        for (Customer customer : active) {
            CustomerFacts input = inputs.get(customer.id);
            Evaluation evaluation = evaluator.evaluate(rules, input.facts());
            evaluations.put(customer.id, evaluation);
            reconcile.add(new ActionReconciler.Input(customer, evaluation, input.facts()));
        }
        long t3 = System.nanoTime();
        store(evaluations, inputs, rules, now);
        long t4 = System.nanoTime();
        Map<Long, Reconciliation> reconciliations = actions.reconcileAll(reconcile, rules, now);
        long t5 = System.nanoTime();
        if (phases != null) {
            phases[Phase.LOCK.ordinal()] += t1 - t0;
            phases[Phase.FACTS.ordinal()] += t2 - t1;
            phases[Phase.RULES.ordinal()] += t3 - t2;
            phases[Phase.STORE.ordinal()] += t4 - t3;
            phases[Phase.ACTIONS.ordinal()] += t5 - t4;
        }

        List<AnalysisResult> results = new ArrayList<>(ids.size());
        for (long id : ids) {
            Customer customer = locked.get(id);
            if (customer == null) {
                results.add(AnalysisResult.skipped(id, List.of()));
            } else if (!customer.isActive()) {
                results.add(AnalysisResult.skipped(id, actions.supersedeAll(id, "客户已合并或删除")));
            } else {
                results.add(result(id, evaluations.get(id), inputs.get(id), reconciliations.get(id), rules, now));
            }
        }
        return results;
    }

    /** Where a batch's time goes: locking and loading the customers, reading facts (with win rates), rules, writes, actions. */
    public enum Phase { LOCK, FACTS, RULES, STORE, ACTIONS }

    /*
     * Plain JDBC batches (multi-statement round trips with rewriteBatchedStatements): analysis results are not a
     * user's edit, so they must not bump the optimistic-lock version that a rep's concurrent edit of the same customer
     * or opportunity is checked against, and a rescore writes tens of thousands of rows.
     */
    private void store(Map<Long, Evaluation> evaluations, Map<Long, CustomerFacts> inputs, CompiledRules rules, Instant now) {
        if (evaluations.isEmpty()) {
            return;
        }
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Timestamp analysedAt = Timestamp.from(now);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement customers = connection.prepareStatement(UPDATE_CUSTOMER);
                 PreparedStatement opportunities = connection.prepareStatement(UPDATE_OPPORTUNITY)) {
                int opportunityRows = 0;
                for (Map.Entry<Long, Evaluation> e : evaluations.entrySet()) {
                    Evaluation evaluation = e.getValue();
                    Map<Long, WinRateEstimate> winRates = inputs.get(e.getKey()).winRates();
                    Long modelSnapshotId = winRates.values().stream().map(WinRateEstimate::modelSnapshotId)
                            .filter(id -> id != null).findFirst().orElse(null);
                    customers.setString(1, evaluation.intentGrade());
                    customers.setDouble(2, evaluation.intentScore());
                    customers.setString(3, JSON_LIST.convertToDatabaseColumn(evaluation.intentReasons()));
                    customers.setString(4, JSON_LIST.convertToDatabaseColumn(evaluation.riskNames()));
                    customers.setTimestamp(5, analysedAt, utc);
                    customers.setString(6, rules.version());
                    setLong(customers, 7, modelSnapshotId);
                    customers.setLong(8, e.getKey());
                    customers.addBatch();
                    for (Map.Entry<Long, WinRateEstimate> w : winRates.entrySet()) {
                        WinRateEstimate estimate = w.getValue();
                        opportunities.setDouble(1, estimate.probability());
                        opportunities.setString(2, JSON_LIST.convertToDatabaseColumn(estimate.factors()));
                        setLong(opportunities, 3, estimate.modelSnapshotId());
                        opportunities.setDouble(4, evaluation.intentScore());
                        opportunities.setLong(5, w.getKey());
                        opportunities.addBatch();
                        opportunityRows++;
                    }
                }
                customers.executeBatch();
                if (opportunityRows > 0) {
                    opportunities.executeBatch();
                }
            }
        });
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static AnalysisResult result(long customerId, Evaluation evaluation, CustomerFacts input, Reconciliation reconciliation,
                                         CompiledRules rules, Instant now) {
        List<AnalysisResult.OpportunityWinRate> winRates = new ArrayList<>();
        input.winRates().forEach((id, estimate) -> winRates.add(new AnalysisResult.OpportunityWinRate(id, estimate.probability(),
                estimate.factors(), estimate.modelSnapshotId())));
        List<AnalysisResult.Risk> risks = evaluation.risks().stream()
                .map(r -> new AnalysisResult.Risk(r.getName(), r.getDetail(), r.getOpportunityId())).toList();
        return new AnalysisResult(customerId, true, evaluation.intentGrade(), evaluation.intentScore(), evaluation.intentReasons(),
                risks, winRates, rules.version(), evaluation.firedRules(), reconciliation.proposed(), reconciliation.superseded(), now);
    }
}
