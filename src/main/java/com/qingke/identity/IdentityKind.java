package com.qingke.identity;

/** Identifier kinds that resolve to one customer (WF-02). */
public enum IdentityKind {
    OPENID(true), UNIONID(true), EXTERNAL_USERID(true), PHONE(false), CRM_ID(true);

    private final boolean strong;

    IdentityKind(boolean strong) {
        this.strong = strong;
    }

    /** A strong key identifies one person on its own; a phone can be shared (a front desk, a family). */
    public boolean isStrong() {
        return strong;
    }
}
