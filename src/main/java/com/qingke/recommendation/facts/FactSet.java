package com.qingke.recommendation.facts;

import java.util.List;

/** Everything the rule base sees about one customer. */
public record FactSet(CustomerFact customer, Activity activity, List<OpportunityFact> opportunities, List<TaskFact> tasks) {

    public FactSet {
        opportunities = List.copyOf(opportunities);
        tasks = List.copyOf(tasks);
    }

    public long customerId() {
        return customer.getCustomerId();
    }
}
