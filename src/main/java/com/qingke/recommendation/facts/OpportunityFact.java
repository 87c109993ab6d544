package com.qingke.recommendation.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the customer's opportunities: open ones, and won ones whose payment is not settled yet.
 * Stages are INITIAL, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST; stageOrder is 0..3 for the open stages.
 */
public class OpportunityFact {
    private long opportunityId;
    private String name;
    private String stage;
    private String stageLabel;
    private int stageOrder;
    private boolean open;
    private boolean won;
    private double amount;
    private double winRate;
    private List<String> winRateFactors = new ArrayList<>();
    private int ageDays;
    private int daysInStage;
    /** Median days that this corp's opportunities spent in the same stage (or the configured default). */
    private double usualDaysInStage;
    private int contactCount;
    private String decisionChainStatus = "NONE";
    private boolean decisionMakerReached;
    private int decisionContacts;
    private int contactsReached;
    private String paymentStatus = "NONE";
    private boolean paymentOverdue;
    private int daysPaymentOverdue;
    private int daysUntilPaymentDue = Days.NEVER;

    /** Win rate as a whole percentage, for messages. */
    public int getWinRatePercent() {
        return (int) Math.round(winRate * 100);
    }

    public long getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(long opportunityId) {
        this.opportunityId = opportunityId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getStageLabel() {
        return stageLabel;
    }

    public void setStageLabel(String stageLabel) {
        this.stageLabel = stageLabel;
    }

    public int getStageOrder() {
        return stageOrder;
    }

    public void setStageOrder(int stageOrder) {
        this.stageOrder = stageOrder;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    public boolean isWon() {
        return won;
    }

    public void setWon(boolean won) {
        this.won = won;
    }

    public double getAmount() {
        return amount;
    }

    public void setAmount(double amount) {
        this.amount = amount;
    }

    public double getWinRate() {
        return winRate;
    }

    public void setWinRate(double winRate) {
        this.winRate = winRate;
    }

    public List<String> getWinRateFactors() {
        return winRateFactors;
    }

    public void setWinRateFactors(List<String> winRateFactors) {
        this.winRateFactors = winRateFactors == null ? new ArrayList<>() : new ArrayList<>(winRateFactors);
    }

    public int getAgeDays() {
        return ageDays;
    }

    public void setAgeDays(int ageDays) {
        this.ageDays = ageDays;
    }

    public int getDaysInStage() {
        return daysInStage;
    }

    public void setDaysInStage(int daysInStage) {
        this.daysInStage = daysInStage;
    }

    public double getUsualDaysInStage() {
        return usualDaysInStage;
    }

    public void setUsualDaysInStage(double usualDaysInStage) {
        this.usualDaysInStage = usualDaysInStage;
    }

    public int getContactCount() {
        return contactCount;
    }

    public void setContactCount(int contactCount) {
        this.contactCount = contactCount;
    }

    public String getDecisionChainStatus() {
        return decisionChainStatus;
    }

    public void setDecisionChainStatus(String decisionChainStatus) {
        this.decisionChainStatus = decisionChainStatus;
    }

    public boolean isDecisionMakerReached() {
        return decisionMakerReached;
    }

    public void setDecisionMakerReached(boolean decisionMakerReached) {
        this.decisionMakerReached = decisionMakerReached;
    }

    public int getDecisionContacts() {
        return decisionContacts;
    }

    public void setDecisionContacts(int decisionContacts) {
        this.decisionContacts = decisionContacts;
    }

    public int getContactsReached() {
        return contactsReached;
    }

    public void setContactsReached(int contactsReached) {
        this.contactsReached = contactsReached;
    }

    public String getPaymentStatus() {
        return paymentStatus;
    }

    public void setPaymentStatus(String paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    public boolean isPaymentOverdue() {
        return paymentOverdue;
    }

    public void setPaymentOverdue(boolean paymentOverdue) {
        this.paymentOverdue = paymentOverdue;
    }

    public int getDaysPaymentOverdue() {
        return daysPaymentOverdue;
    }

    public void setDaysPaymentOverdue(int daysPaymentOverdue) {
        this.daysPaymentOverdue = daysPaymentOverdue;
    }

    public int getDaysUntilPaymentDue() {
        return daysUntilPaymentDue;
    }

    public void setDaysUntilPaymentDue(int daysUntilPaymentDue) {
        this.daysUntilPaymentDue = daysUntilPaymentDue;
    }
}
