package com.qingke.customer;

/** Where a customer stands with the SME (spec CP-01 lifecycle_stage). */
public enum LifecycleStage {
    LEAD, PROSPECT, OPPORTUNITY, CUSTOMER, CHURNED
}
