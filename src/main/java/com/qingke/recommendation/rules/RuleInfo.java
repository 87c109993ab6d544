package com.qingke.recommendation.rules;

/** A rule of the loaded rule base: its name, stage and the file it comes from. */
public record RuleInfo(String name, String stage, String file) {
}
