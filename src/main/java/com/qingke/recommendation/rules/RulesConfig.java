package com.qingke.recommendation.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the rule base comes from and how edits are noticed. */
@ConfigMapping(prefix = "qingke.rules")
public interface RulesConfig {

    /** The rules folder, relative to the working directory: *.drl files and templates/*.txt. */
    @WithDefault("rules")
    String dir();

    /** Look for edited files this often and reload them; a broken edit is refused and logged. */
    @WithDefault("true")
    boolean watch();

    @WithDefault("5s")
    String watchEvery();

    /** A dry run evaluates at most this many customers (the most recently active first). */
    @WithDefault("5000")
    int dryRunLimit();

    /** How many customer ids a dry run lists per rule. */
    @WithDefault("20")
    int dryRunSample();
}
