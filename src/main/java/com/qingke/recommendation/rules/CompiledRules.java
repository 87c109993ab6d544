package com.qingke.recommendation.rules;

import io.quarkus.qute.Template;
import org.kie.api.KieBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A compiled, validated rule set: the Drools knowledge base (built once, a session is opened per evaluation) and the
 * message templates. {@code version} is a hash of every file's content, stored with each analysis it produces.
 */
public record CompiledRules(String version, KieBase kieBase, Map<String, Template> templates, List<RuleInfo> rules,
                            List<String> files, Instant compiledAt) {

    public List<String> ruleNames() {
        return rules.stream().map(RuleInfo::name).toList();
    }
}
