package com.qingke.dashboard;

import java.util.Locale;

/** Orders of the opportunity list; unscored opportunities sort last by win rate. */
public enum OpportunitySort {
    WIN_RATE("预测赢率", "coalesce(o.winRate, -1) desc"),
    AMOUNT("金额", "coalesce(o.amount, 0) desc"),
    EXPECTED("预测成交额", "coalesce(o.amount * o.winRate, 0) desc"),
    STAGE("阶段", "case o.stage when com.qingke.opportunity.Stage.NEGOTIATION then 0 when com.qingke.opportunity.Stage.PROPOSAL then 1"
            + " when com.qingke.opportunity.Stage.QUALIFIED then 2 else 3 end, coalesce(o.winRate, -1) desc"),
    STALE("停滞最久", "o.stageChangedAt asc");

    private final String label;
    private final String orderBy;

    OpportunitySort(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OpportunitySort parse(String value) {
        if (value == null || value.isBlank()) {
            return WIN_RATE;
        }
        for (OpportunitySort s : values()) {
            if (s.param().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw com.qingke.platform.ProblemException.badRequest("不支持的排序：" + value);
    }
}
