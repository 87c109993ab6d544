package com.qingke.opportunity;

public enum DecisionRole {
    DECISION_MAKER("决策人"), INFLUENCER("影响者"), PURCHASER("采购"), TECHNICAL("技术评估"), USER("使用者");

    private final String label;

    DecisionRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
