package com.qingke.recommendation.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The customer's recent behaviour (events of the look-back window), with counts over any window, recency and
 * exponentially time-decayed counts. The weights, half-life and thresholds that turn these into an intent grade
 * live in the rules, not here.
 */
public final class Activity {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("VIEWED_QUOTE", "浏览报价"),
            Map.entry("DOWNLOADED_MATERIAL", "下载资料"),
            Map.entry("FORM_SUBMITTED", "提交表单"),
            Map.entry("CHAT", "咨询聊天"),
            Map.entry("PAGE_VIEW", "浏览页面"),
            Map.entry("SCAN", "扫码"),
            Map.entry("SUBSCRIBE", "关注公众号"),
            Map.entry("MESSAGE_SENT", "收到销售消息"),
            Map.entry("CALL", "电话沟通"));

    private final Instant now;
    private final int lookbackDays;
    private final List<ActivityEvent> events;

    public Activity(Instant now, int lookbackDays, List<ActivityEvent> events) {
        this.now = now;
        this.lookbackDays = lookbackDays;
        this.events = List.copyOf(events);
    }

    /** Events of this type within the last {@code days} days. */
    public int count(String type, int days) {
        return (int) events.stream()
                .filter(e -> e.getType().equals(type) && Days.exact(e.getOccurredAt(), now) <= days)
                .count();
    }

    /** Events of any type within the last {@code days} days. */
    public int countAll(int days) {
        return (int) events.stream().filter(e -> Days.exact(e.getOccurredAt(), now) <= days).count();
    }

    /** Every event of this type in the look-back window. */
    public int total(String type) {
        return count(type, lookbackDays);
    }

    /**
     * Events of this type, each weighted by 0.5^(age / halfLifeDays): an event today counts 1, one half-life ago 0.5.
     */
    public double decayed(String type, double halfLifeDays) {
        if (halfLifeDays <= 0) {
            return total(type);
        }
        return events.stream()
                .filter(e -> e.getType().equals(type))
                .mapToDouble(e -> Math.pow(0.5, Days.exact(e.getOccurredAt(), now) / halfLifeDays))
                .sum();
    }

    /** Days since the last event of this type, or {@link Days#NEVER}. */
    public int daysSinceLast(String type) {
        return events.stream()
                .filter(e -> e.getType().equals(type))
                .map(e -> Days.between(e.getOccurredAt(), now))
                .min(Integer::compare)
                .orElse(Days.NEVER);
    }

    /** A short Chinese reason such as "近7天浏览报价3次", choosing the tightest window that has the events. */
    public String summary(String type) {
        String label = LABELS.getOrDefault(type, type);
        for (int window : new int[] {7, 30}) {
            int n = count(type, window);
            if (n > 0) {
                return "近" + window + "天" + label + n + "次";
            }
        }
        int n = total(type);
        return n > 0 ? "近" + lookbackDays + "天" + label + n + "次" : "近" + lookbackDays + "天未" + label;
    }

    public int getLookbackDays() {
        return lookbackDays;
    }

    public List<ActivityEvent> getEvents() {
        return events;
    }
}
