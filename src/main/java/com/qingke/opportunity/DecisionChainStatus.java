package com.qingke.opportunity;

/** Spec OP-02: how far into the buyer's decision chain the rep has reached. */
public enum DecisionChainStatus {
    NONE, PARTIAL, DECISION_MAKER_REACHED
}
