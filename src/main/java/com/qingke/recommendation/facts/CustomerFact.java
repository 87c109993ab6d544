package com.qingke.recommendation.facts;

import java.util.ArrayList;
import java.util.List;

/** The customer being analysed: master data, recency of contact in both directions, WeCom relation and tasks. */
public class CustomerFact {
    private long customerId;
    private String name;
    private String company;
    private String position;
    private String lifecycleStage = "LEAD";
    private List<String> tags = new ArrayList<>();
    private Long ownerId;
    private String ownerName;
    private String sourceChannel;
    private int daysSinceCreated;
    /** Days since the customer last did something (viewed, downloaded, submitted, chatted, scanned...). */
    private int daysSinceLastActivity = Days.NEVER;
    /** Days since a rep last reached out (message sent or call). */
    private int daysSinceLastOutreach = Days.NEVER;
    private boolean wecomConnected;
    private boolean deletedRep;
    private int daysSinceDeletedRep = Days.NEVER;
    private String previousIntentGrade;
    private int openOpportunityCount;
    private int openTaskCount;
    private int overdueTaskCount;

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** No rep has ever sent a message to or called this customer. */
    public boolean isNeverContacted() {
        return daysSinceLastOutreach >= Days.NEVER;
    }

    public boolean isHasOpenOpportunity() {
        return openOpportunityCount > 0;
    }

    public long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(long customerId) {
        this.customerId = customerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public String getLifecycleStage() {
        return lifecycleStage;
    }

    public void setLifecycleStage(String lifecycleStage) {
        this.lifecycleStage = lifecycleStage;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public void setOwnerName(String ownerName) {
        this.ownerName = ownerName;
    }

    public String getSourceChannel() {
        return sourceChannel;
    }

    public void setSourceChannel(String sourceChannel) {
        this.sourceChannel = sourceChannel;
    }

    public int getDaysSinceCreated() {
        return daysSinceCreated;
    }

    public void setDaysSinceCreated(int daysSinceCreated) {
        this.daysSinceCreated = daysSinceCreated;
    }

    public int getDaysSinceLastActivity() {
        return daysSinceLastActivity;
    }

    public void setDaysSinceLastActivity(int daysSinceLastActivity) {
        this.daysSinceLastActivity = daysSinceLastActivity;
    }

    public int getDaysSinceLastOutreach() {
        return daysSinceLastOutreach;
    }

    public void setDaysSinceLastOutreach(int daysSinceLastOutreach) {
        this.daysSinceLastOutreach = daysSinceLastOutreach;
    }

    public boolean isWecomConnected() {
        return wecomConnected;
    }

    public void setWecomConnected(boolean wecomConnected) {
        this.wecomConnected = wecomConnected;
    }

    public boolean isDeletedRep() {
        return deletedRep;
    }

    public void setDeletedRep(boolean deletedRep) {
        this.deletedRep = deletedRep;
    }

    public int getDaysSinceDeletedRep() {
        return daysSinceDeletedRep;
    }

    public void setDaysSinceDeletedRep(int daysSinceDeletedRep) {
        this.daysSinceDeletedRep = daysSinceDeletedRep;
    }

    public String getPreviousIntentGrade() {
        return previousIntentGrade;
    }

    public void setPreviousIntentGrade(String previousIntentGrade) {
        this.previousIntentGrade = previousIntentGrade;
    }

    public int getOpenOpportunityCount() {
        return openOpportunityCount;
    }

    public void setOpenOpportunityCount(int openOpportunityCount) {
        this.openOpportunityCount = openOpportunityCount;
    }

    public int getOpenTaskCount() {
        return openTaskCount;
    }

    public void setOpenTaskCount(int openTaskCount) {
        this.openTaskCount = openTaskCount;
    }

    public int getOverdueTaskCount() {
        return overdueTaskCount;
    }

    public void setOverdueTaskCount(int overdueTaskCount) {
        this.overdueTaskCount = overdueTaskCount;
    }
}
