package com.qingke.opportunity;

/** Opportunity stages in funnel order; WON and LOST are the closed ones. */
public enum Stage {
    INITIAL("初步接触"), QUALIFIED("需求确认"), PROPOSAL("方案报价"), NEGOTIATION("商务谈判"), WON("赢单"), LOST("输单");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isClosed() {
        return this == WON || this == LOST;
    }

    /** The open stages in funnel order. */
    public static Stage[] open() {
        return new Stage[] {INITIAL, QUALIFIED, PROPOSAL, NEGOTIATION};
    }
}
