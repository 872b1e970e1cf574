package io.careloop.engine.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA target of one ticket: running toward {@code due}, or paused while the ticket waits on
 * the customer, keeping the business time that was left.
 *
 * @param due       when the target is breached; while paused, the due date it had when paused
 * @param pausedAt  when it was paused; null while running
 * @param remaining business time left when paused, negative if it was already overdue; null while running
 */
public record SlaClock(Instant due, Instant pausedAt, Duration remaining) {

    public SlaClock {
        Objects.requireNonNull(due, "due");
        if ((pausedAt == null) != (remaining == null)) {
            throw new IllegalArgumentException("a paused SLA clock needs both pausedAt and remaining; a running one neither");
        }
    }

    public static SlaClock running(Instant due) {
        return new SlaClock(due, null, null);
    }

    /** Starts counting {@code target} at {@code start}. */
    public static SlaClock start(Instant start, Duration target, DueDateCalculator time) {
        return running(time.addBusinessTime(start, target));
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    /**
     * Stops the clock at {@code at}, keeping the business time left until the due date. Pausing a
     * paused clock changes nothing, because the listeners that pause it may run twice.
     */
    public SlaClock pause(Instant at, DueDateCalculator time) {
        if (isPaused()) {
            return this;
        }
        return new SlaClock(due, at, time.businessTimeBetween(at, due));
    }

    /**
     * Restarts the clock at {@code at} with the time that was left: the new due date is
     * {@code at + remaining} in business time. A clock paused when already overdue keeps its due
     * date, because waiting on the customer does not undo a breach. Resuming a running clock
     * changes nothing.
     */
    public SlaClock resume(Instant at, DueDateCalculator time) {
        if (!isPaused()) {
            return this;
        }
        if (at.isBefore(pausedAt)) {
            throw new IllegalArgumentException("cannot resume at " + at + ", before the pause at " + pausedAt);
        }
        if (remaining.isNegative() || remaining.isZero()) {
            return running(due);
        }
        return running(time.addBusinessTime(at, remaining));
    }

    /** Business time left at {@code now}: frozen while paused, negative once overdue. */
    public Duration remainingAt(Instant now, DueDateCalculator time) {
        return isPaused() ? remaining : time.businessTimeBetween(now, due);
    }
}
