package io.careloop.engine.sla;

import io.careloop.engine.error.InvalidInputException;

import java.time.Duration;
import java.time.LocalTime;

/**
 * One stretch of working hours within a day, in the calendar's local time: from {@code start}
 * (inclusive) to {@code end} (exclusive). An {@code end} of 00:00 means the end of the day
 * (24:00), because {@link LocalTime} cannot say 24:00 and a round-the-clock desk needs it.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        if (start == null || end == null) {
            throw new InvalidInputException("calendar.hours", "a working period needs a start and an end time");
        }
        if (!endsAtMidnight(end) && !start.isBefore(end)) {
            throw new InvalidInputException("calendar.hours",
                    "a working period must start before it ends: " + start + "–" + end);
        }
    }

    public static WorkingPeriod of(String start, String end) {
        return new WorkingPeriod(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** True when the period runs to the end of the day (written as end 00:00). */
    public boolean endsAtMidnight() {
        return endsAtMidnight(end);
    }

    /** The nominal length on a day without a clock change. */
    public Duration length() {
        Duration toEnd = endsAtMidnight() ? Duration.ofDays(1) : Duration.ofNanos(end.toNanoOfDay());
        return toEnd.minusNanos(start.toNanoOfDay());
    }

    /** Whether this period ends after {@code other} starts, i.e. whether {@code other} must come later. */
    boolean endsAfterStartOf(WorkingPeriod other) {
        return endsAtMidnight() || end.isAfter(other.start);
    }

    @Override
    public String toString() {
        return start + "–" + (endsAtMidnight() ? "24:00" : end.toString());
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }
}
