package com.qingke.recommendation.facts;

import com.qingke.recommendation.ActionKind;

/**
 * What an "action" rule proposes, built fluently in the rule's consequence:
 * {@code actions.message(kcontext).priority(80).title("...").reason("...").template("silent-case-study").material("CASE_STUDY")}.
 * The rule's name is taken from the rule itself, so every proposal says which rule made it.
 */
public class ActionProposal {
    private final String ruleName;
    private final ActionKind kind;
    private int priority = 50;
    private String title;
    private String reason;
    private String template;
    private String materialKind;
    private String taskTitle;
    private Integer taskDueDays;
    private Long opportunityId;

    public ActionProposal(String ruleName, ActionKind kind) {
        this.ruleName = ruleName;
        this.kind = kind;
        this.title = ruleName;
    }

    /** 0..100, higher first. */
    public ActionProposal priority(int value) {
        this.priority = Math.max(0, Math.min(100, value));
        return this;
    }

    /** The one-line summary the rep sees. */
    public ActionProposal title(String value) {
        this.title = value;
        return this;
    }

    /** Why the rule proposes this, in a sentence. */
    public ActionProposal reason(String value) {
        this.reason = value;
        return this;
    }

    /** The message draft: a Qute template file rules/templates/NAME.txt. */
    public ActionProposal template(String name) {
        this.template = name;
        return this;
    }

    /** The material to recommend: QUOTE, BROCHURE, CASE_STUDY or DISCOUNT. */
    public ActionProposal material(String kind) {
        this.materialKind = kind;
        return this;
    }

    /** A CRM task to create: for TASK actions the task itself, for MESSAGE and ALERT a follow-up reminder. */
    public ActionProposal task(String taskTitle, int dueInDays) {
        this.taskTitle = taskTitle;
        this.taskDueDays = Math.max(0, dueInDays);
        return this;
    }

    /** The opportunity this action is about. */
    public ActionProposal opportunity(OpportunityFact opportunity) {
        this.opportunityId = opportunity == null ? null : opportunity.getOpportunityId();
        return this;
    }

    public String getRuleName() {
        return ruleName;
    }

    public ActionKind getKind() {
        return kind;
    }

    public int getPriority() {
        return priority;
    }

    public String getTitle() {
        return title;
    }

    public String getReason() {
        return reason;
    }

    public String getTemplate() {
        return template;
    }

    public String getMaterialKind() {
        return materialKind;
    }

    public String getTaskTitle() {
        return taskTitle;
    }

    public Integer getTaskDueDays() {
        return taskDueDays;
    }

    public Long getOpportunityId() {
        return opportunityId;
    }
}
