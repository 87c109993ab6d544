package com.qingke.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, money and times read on the page and in CSV files (zh-CN). */
final class Fmt {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private Fmt() {
    }

    /** 0.4567 → "45.7%"; null (nothing to divide) → "—". */
    static String pct(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** Percentage points between two ratios: "+3.2 个百分点". */
    static String pointsDelta(Double now, Double before) {
        if (now == null || before == null) {
            return "—";
        }
        double points = (now - before) * 100;
        return String.format(Locale.ROOT, "%+.1f 个百分点", points);
    }

    static String money(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("¥#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount.setScale(0, RoundingMode.HALF_UP));
    }

    /** Plain number for CSV cells: "12345.60". */
    static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Ratio for CSV cells, 4 decimals: "0.4567". */
    static String ratio(Double ratio) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.4f", ratio);
    }

    /** A duration for people: "3 分钟", "5.2 小时", "2.1 天". */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.0f 分钟", seconds / 60);
        }
        if (seconds < 86400 * 2) {
            return String.format(Locale.ROOT, "%.1f 小时", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f 天", seconds / 86400);
    }

    /** How long ago, coarsely: "刚刚", "35 分钟", "6 小时", "3 天". */
    static String age(Instant since, Instant now) {
        if (since == null) {
            return "—";
        }
        long minutes = Math.max(0, Duration.between(since, now).toMinutes());
        if (minutes < 1) {
            return "刚刚";
        }
        if (minutes < 60) {
            return minutes + " 分钟";
        }
        if (minutes < 48 * 60) {
            return (minutes / 60) + " 小时";
        }
        return (minutes / (24 * 60)) + " 天";
    }

    static String dateTime(Instant t, ZoneId zone) {
        return t == null ? "" : DATE_TIME.format(t.atZone(zone));
    }

    static String shortTime(Instant t, ZoneId zone) {
        return t == null ? "" : SHORT.format(t.atZone(zone));
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
