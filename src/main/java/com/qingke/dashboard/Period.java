package com.qingke.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A reporting period of whole days [from, to) in the deployment's zone: {@code to} is the first day no longer
 * included. The previous period has the same length and ends where this one starts.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("period must end after it starts");
        }
    }

    /** The {@code days} days up to and including {@code today}. */
    public static Period lastDays(LocalDate today, int days, ZoneId zone) {
        LocalDate to = today.plusDays(1);
        return new Period(to.minusDays(days), to, zone);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    public Period previous() {
        return new Period(from.minusDays(days()), from, zone);
    }

    /** The last day included, for people: "2024-03-01 至 2024-03-31". */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    public String label() {
        return LABEL.format(from) + " 至 " + LABEL.format(lastDay());
    }
}
