package com.qingke.recommendation.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The intent score being built for the customer: "intent-score" rules add points with a reason, the engine then caps
 * the sum to 0..100, and "intent-grade" rules set the grade A/B/C from it.
 */
public class IntentScore {
    private double score;
    private String grade;
    private final List<String> reasons = new ArrayList<>();

    /** Adds points (may be negative) and the reason shown to the rep. */
    public void add(double points, String reason) {
        score += points;
        if (reason != null && !reason.isBlank() && points != 0) {
            reasons.add(reason);
        }
    }

    /** Called by the engine between the two intent stages. */
    public void cap() {
        score = Math.round(Math.max(0, Math.min(100, score)) * 10) / 10.0;
    }

    public double getScore() {
        return score;
    }

    public String getGrade() {
        return grade;
    }

    public void setGrade(String grade) {
        this.grade = grade;
    }

    public List<String> getReasons() {
        return reasons;
    }
}
