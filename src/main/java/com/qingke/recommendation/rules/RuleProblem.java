package com.qingke.recommendation.rules;

/** One reason a rule set was refused: which file, which line (0 when unknown) and what is wrong. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + " " + message;
    }
}
