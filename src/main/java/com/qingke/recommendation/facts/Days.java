package com.qingke.recommendation.facts;

import java.time.Duration;
import java.time.Instant;

/** Whole days between two instants, with one agreed value for "never happened" so rules can compare it like any age. */
public final class Days {
    /** The age of something that never happened: larger than every window a rule would use. */
    public static final int NEVER = 9999;

    private Days() {
    }

    public static int between(Instant earlier, Instant now) {
        if (earlier == null) {
            return NEVER;
        }
        long days = Duration.between(earlier, now).toDays();
        return (int) Math.max(0, Math.min(NEVER, days));
    }

    /** Fractional days, for time decay. */
    public static double exact(Instant earlier, Instant now) {
        return Math.max(0, Duration.between(earlier, now).toMillis() / 86_400_000d);
    }
}
