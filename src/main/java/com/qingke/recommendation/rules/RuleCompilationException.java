package com.qingke.recommendation.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile or breaks a rule-base convention; the previous rule base keeps serving. */
public class RuleCompilationException extends RuntimeException {
    private final transient List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super("Rule set refused: " + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
