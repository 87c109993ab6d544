package com.qingke.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition with an upper bound, so no fault test waits forever. */
final class Await {
    private Await() {
    }

    /** Waits until the condition holds; returns the milliseconds it took, or fails after the timeout. */
    static long until(BooleanSupplier condition, Duration timeout, String what) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            PrivateMariaDb.sleep(50);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
