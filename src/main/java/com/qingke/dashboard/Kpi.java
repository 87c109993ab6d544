package com.qingke.dashboard;

import java.util.Locale;

/**
 * One DB-05 indicator over the selected period with the previous period of the same length beside it. Ratios carry
 * their numerator and denominator so the page and the CSV can show what was counted.
 */
public record Kpi(String key, String name, Kind kind, Measure current, Measure previous, String definition) {

    public enum Kind { RATIO, DURATION }

    /** A ratio numerator / denominator, or a duration in seconds over {@code denominator} cases. */
    public record Measure(Double value, long numerator, long denominator) {
        public static Measure ratio(long numerator, long denominator) {
            return new Measure(Fmt.ratio(numerator, denominator), numerator, denominator);
        }
    }

    public String valueText() {
        return text(current);
    }

    public String previousText() {
        return text(previous);
    }

    public String countsText() {
        return counts(current);
    }

    public String previousCountsText() {
        return counts(previous);
    }

    /** Change against the previous period: percentage points for ratios, hours for durations. */
    public String deltaText() {
        if (current.value() == null || previous.value() == null) {
            return "—";
        }
        if (kind == Kind.RATIO) {
            return Fmt.pointsDelta(current.value(), previous.value());
        }
        return String.format(Locale.ROOT, "%+.1f 小时", (current.value() - previous.value()) / 3600);
    }

    /** "up", "down" or "flat" for the arrow; whether up is good depends on the KPI (time to contact: lower is better). */
    public String trend() {
        if (current.value() == null || previous.value() == null || current.value().equals(previous.value())) {
            return "flat";
        }
        return current.value() > previous.value() ? "up" : "down";
    }

    public boolean improved() {
        if (current.value() == null || previous.value() == null) {
            return false;
        }
        return kind == Kind.DURATION ? current.value() < previous.value() : current.value() > previous.value();
    }

    private String text(Measure m) {
        return kind == Kind.RATIO ? Fmt.pct(m.value()) : Fmt.duration(m.value());
    }

    private String counts(Measure m) {
        return kind == Kind.RATIO ? m.numerator() + " / " + m.denominator() : "已联系 " + m.denominator() + " 条";
    }
}
