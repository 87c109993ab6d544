package com.qingke.bench;

import com.qingke.recommendation.facts.Activity;
import com.qingke.recommendation.facts.ActivityEvent;
import com.qingke.recommendation.facts.CustomerFact;
import com.qingke.recommendation.facts.FactSet;
import com.qingke.recommendation.facts.OpportunityFact;
import com.qingke.recommendation.rules.CompiledRules;
import com.qingke.recommendation.rules.DraftRenderer;
import com.qingke.recommendation.rules.Evaluation;
import com.qingke.recommendation.rules.RuleCompiler;
import com.qingke.recommendation.rules.RuleEvaluator;
import com.qingke.recommendation.rules.RuleSources;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule part of one analysis, in process: the shipped rules/ folder compiled once (as the app's RuleBase does), and
 * one customer's prepared facts evaluated in a new session through all four stages, exactly as
 * {@link RuleEvaluator#evaluate} runs for every analysed customer. Three customers: an engaged new form lead (A grade,
 * two actions), a silent medium-intent customer (risk + message), a negotiation deal with the decision maker reached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xmx1g"})
public class RuleSessionBenchmark {
    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @Param({"engaged-lead", "silent-b", "deal-with-decision-maker"})
    public String customer;

    private CompiledRules rules;
    private FactSet facts;
    private final RuleEvaluator evaluator = new RuleEvaluator();

    /** Held strongly: java.util.logging forgets a level set on a logger nothing references. */
    static final java.util.logging.Logger ROOT_LOG = java.util.logging.Logger.getLogger("");

    @Setup
    public void setUp() {
        // Without Quarkus nothing configures logging in the fork, and Drools would format its TRACE messages for a
        // handler that buffers everything; the app logs at INFO.
        ROOT_LOG.setLevel(java.util.logging.Level.INFO);
        rules = new RuleCompiler(DraftRenderer.engine()).compile(RuleSources.read(Path.of(System.getProperty("qingke.rules.dir", "rules"))));
        facts = facts(customer);
    }

    @Benchmark
    public Evaluation evaluate() {
        return evaluator.evaluate(rules, facts);
    }

    static FactSet facts(String kind) {
        CustomerFact c = new CustomerFact();
        c.setCustomerId(1);
        c.setName("李明");
        c.setCompany("常州隆盛金属制品股份有限公司");
        c.setLifecycleStage("PROSPECT");
        c.setOwnerName("张伟");
        c.setWecomConnected(true);
        List<ActivityEvent> events = new ArrayList<>();
        List<OpportunityFact> opportunities = new ArrayList<>();
        switch (kind) {
            case "engaged-lead" -> {
                c.setLifecycleStage("LEAD");
                c.setDaysSinceCreated(0);
                c.setDaysSinceLastActivity(0);
                c.setDaysSinceLastOutreach(9999);
                add(events, "FORM_SUBMITTED", 1, 0.05);
                add(events, "VIEWED_QUOTE", 3, 1);
                add(events, "CHAT", 2, 0.8);
                add(events, "PAGE_VIEW", 6, 2);
            }
            case "silent-b" -> {
                c.setDaysSinceCreated(40);
                c.setDaysSinceLastActivity(16);
                c.setDaysSinceLastOutreach(10);
                add(events, "VIEWED_QUOTE", 4, 16);
                add(events, "DOWNLOADED_MATERIAL", 1, 16);
                add(events, "MESSAGE_SENT", 1, 10);
                add(events, "PAGE_VIEW", 8, 30);
                add(events, "CHAT", 5, 45);
            }
            default -> {
                c.setLifecycleStage("OPPORTUNITY");
                c.setDaysSinceCreated(60);
                c.setDaysSinceLastActivity(1);
                c.setDaysSinceLastOutreach(1);
                add(events, "CALL", 2, 1);
                add(events, "VIEWED_QUOTE", 5, 6);
                add(events, "CHAT", 8, 10);
                add(events, "DOWNLOADED_MATERIAL", 2, 20);
                OpportunityFact o = new OpportunityFact();
                o.setOpportunityId(100);
                o.setName("37kW 螺杆空压机");
                o.setStage("NEGOTIATION");
                o.setStageLabel("商务谈判");
                o.setStageOrder(3);
                o.setOpen(true);
                o.setAmount(180000);
                o.setWinRate(0.72);
                o.setDaysInStage(5);
                o.setUsualDaysInStage(21);
                o.setDecisionContacts(3);
                o.setContactsReached(2);
                o.setDecisionMakerReached(true);
                o.setDecisionChainStatus("DECISION_MAKER_REACHED");
                o.setPaymentStatus("NONE");
                opportunities.add(o);
                c.setOpenOpportunityCount(1);
            }
        }
        return new FactSet(c, new Activity(NOW, 180, events), opportunities, List.of());
    }

    private static void add(List<ActivityEvent> events, String type, int times, double daysAgo) {
        for (int i = 0; i < times; i++) {
            events.add(new ActivityEvent(type, NOW.minus(Duration.ofMinutes((long) (daysAgo * 1440) + i * 60L))));
        }
    }
}
