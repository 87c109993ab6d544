package com.qingke.recommendation.rules;

import java.time.Instant;
import java.util.List;

/** The serving rule base and the outcome of the last load attempt. */
public record RuleBaseStatus(String version, String dir, Instant compiledAt, List<String> files, List<String> templates,
                             List<RuleInfo> rules, List<RuleProblem> lastProblems) {

    static RuleBaseStatus of(RuleBase base) {
        CompiledRules c = base.current();
        return new RuleBaseStatus(c.version(), base.dir().toString(), c.compiledAt(), c.files(),
                c.templates().keySet().stream().sorted().toList(), c.rules(), base.lastProblems());
    }
}
