package com.qingke.recommendation.rules;

import com.qingke.recommendation.facts.Activity;
import com.qingke.recommendation.facts.ActivityEvent;
import com.qingke.recommendation.facts.CustomerFact;
import com.qingke.recommendation.facts.FactSet;
import com.qingke.recommendation.facts.OpportunityFact;
import com.qingke.recommendation.facts.TaskFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds one customer's facts for a rule scenario, without a database. */
final class Scenario {
    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    final CustomerFact customer = new CustomerFact();
    private final List<ActivityEvent> events = new ArrayList<>();
    private final List<OpportunityFact> opportunities = new ArrayList<>();
    private final List<TaskFact> tasks = new ArrayList<>();

    private Scenario() {
        customer.setCustomerId(1);
        customer.setName("李明");
        customer.setCompany("杭州云帆科技");
        customer.setLifecycleStage("PROSPECT");
        customer.setOwnerName("张伟");
        customer.setDaysSinceCreated(2);
        customer.setDaysSinceLastActivity(2);
        customer.setWecomConnected(true);
    }

    static Scenario customer() {
        return new Scenario();
    }

    Scenario with(Consumer<CustomerFact> change) {
        change.accept(customer);
        return this;
    }

    /** {@code times} events of a type, {@code daysAgo} days ago (hours apart). */
    Scenario event(String type, int times, double daysAgo) {
        for (int i = 0; i < times; i++) {
            events.add(new ActivityEvent(type, NOW.minus(Duration.ofMinutes((long) (daysAgo * 1440) + i * 60L))));
        }
        return this;
    }

    Scenario opportunity(Consumer<OpportunityFact> change) {
        OpportunityFact o = new OpportunityFact();
        o.setOpportunityId(100 + opportunities.size());
        o.setName("年度订阅");
        o.setStage("QUALIFIED");
        o.setStageLabel("需求确认");
        o.setStageOrder(1);
        o.setOpen(true);
        o.setAmount(50000);
        o.setWinRate(0.25);
        o.setDaysInStage(3);
        o.setUsualDaysInStage(10);
        o.setContactsReached(2);
        o.setDecisionContacts(3);
        change.accept(o);
        opportunities.add(o);
        customer.setOpenOpportunityCount((int) opportunities.stream().filter(OpportunityFact::isOpen).count());
        return this;
    }

    Scenario task(Consumer<TaskFact> change) {
        TaskFact t = new TaskFact();
        t.setTaskId(200 + tasks.size());
        t.setTitle("回访");
        change.accept(t);
        tasks.add(t);
        customer.setOpenTaskCount(tasks.size());
        customer.setOverdueTaskCount((int) tasks.stream().filter(TaskFact::isOverdue).count());
        return this;
    }

    FactSet facts() {
        return new FactSet(customer, new Activity(NOW, 180, events), opportunities, tasks);
    }
}
