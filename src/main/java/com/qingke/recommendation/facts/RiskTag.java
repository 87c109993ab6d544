package com.qingke.recommendation.facts;

/** A risk found by a "risk" rule, e.g. 沉默客户; action rules can match on it by name. */
public class RiskTag {
    private final String name;
    private final String detail;
    private final Long opportunityId;

    public RiskTag(String name, String detail) {
        this(name, detail, null);
    }

    public RiskTag(String name, String detail, Long opportunityId) {
        this.name = name;
        this.detail = detail;
        this.opportunityId = opportunityId;
    }

    public String getName() {
        return name;
    }

    public String getDetail() {
        return detail;
    }

    public Long getOpportunityId() {
        return opportunityId;
    }
}
