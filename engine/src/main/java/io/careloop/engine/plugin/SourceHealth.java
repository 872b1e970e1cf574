package io.careloop.engine.plugin;

import java.time.Duration;
import java.time.Instant;

/**
 * The schedule of one polling source: when it polls next, and how many calls in a row failed.
 * After a failure the next poll waits the interval doubled per failure, up to a ceiling
 * (exponential back-off), so a broken mailbox is not hammered; a success resets it.
 */
final class SourceHealth {

    private int failures;
    private String lastError;
    private Instant nextAt;
    private boolean running;

    synchronized boolean due(Instant now) {
        return !running && (nextAt == null || !now.isBefore(nextAt));
    }

    synchronized void begin() {
        running = true;
    }

    synchronized void succeeded(Instant now, Duration interval) {
        running = false;
        failures = 0;
        lastError = null;
        nextAt = now.plus(interval);
    }

    synchronized void failed(Instant now, Duration interval, Duration ceiling, String error) {
        running = false;
        failures++;
        lastError = error;
        Duration wait = interval.multipliedBy(1L << Math.min(failures, 20));
        nextAt = now.plus(wait.compareTo(ceiling) > 0 ? ceiling : wait);
    }

    synchronized int failures() {
        return failures;
    }

    synchronized String lastError() {
        return lastError;
    }

    synchronized Instant nextAt() {
        return nextAt;
    }
}
