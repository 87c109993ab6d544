package com.qingke.demo;

import java.time.Duration;

/** Reported after every committed chunk of a load. */
public record LoadProgress(int customersLoaded, int customersTotal, long eventsLoaded, Duration elapsed) {
}
