package com.qingke.recommendation.rules;

import java.util.Arrays;
import java.util.List;

/**
 * The four stages a rule belongs to (its ruleflow-group, which Drools treats as an agenda group). The engine runs them in this order and updates the facts in
 * between, so a grade rule sees the final score and an action rule sees the grade and every risk tag.
 */
public enum Stage {
    INTENT_SCORE("intent-score"), INTENT_GRADE("intent-grade"), RISK("risk"), ACTION("action");

    private final String group;

    Stage(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static List<String> groups() {
        return Arrays.stream(values()).map(Stage::group).toList();
    }

    public static Stage ofGroup(String group) {
        return Arrays.stream(values()).filter(s -> s.group.equals(group)).findFirst().orElse(null);
    }
}
