package com.qingke.material;

public enum MaterialKind {
    QUOTE("报价单"), BROCHURE("产品手册"), CASE_STUDY("客户案例"), DISCOUNT("优惠方案");

    private final String label;

    MaterialKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
