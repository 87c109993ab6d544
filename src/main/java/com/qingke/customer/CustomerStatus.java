package com.qingke.customer;

public enum CustomerStatus {
    ACTIVE,
    /** Folded into another customer by identity resolution; the merge can be undone. */
    MERGED,
    /** Erased on request (PIPL); the row keeps no personal data. */
    DELETED
}
