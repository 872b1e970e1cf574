package io.careloop.engine.report;

import io.careloop.engine.sla.DueDateCalculator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First-response and resolution times of the tickets of a period in business time, as the SLA
 * clocks count them: the working time of the ticket's calendar (the same {@link DueDateCalculator}
 * that set its due dates) from receipt, minus the working time it spent waiting on the customer
 * (between a {@code ticket.waiting} and the next {@code ticket.resumed} of its audit trail).
 *
 * <p>Tickets are added one at a time as the database streams them; only two arrays of seconds
 * are kept, which {@link DurationStats} sorts for the median and the 90th percentile.
 */
public final class WorkingTimes {

    private long[] firstResponse = new long[64];
    private long[] resolution = new long[64];
    private int firstResponses;
    private int resolutions;

    private final Map<String, List<ReportMapper.PauseEvent>> pauses = new HashMap<>();

    /** {@code pauses} in the order they happened; only the tickets that waited have some. */
    WorkingTimes(List<ReportMapper.PauseEvent> pauses) {
        for (ReportMapper.PauseEvent e : pauses) {
            this.pauses.computeIfAbsent(e.number(), k -> new ArrayList<>(2)).add(e);
        }
    }

    /** Adds one ticket, counted on {@code time} (the calculator of its SLA mode and calendar). */
    void add(ReportMapper.ClockFacts t, DueDateCalculator time) {
        List<ReportMapper.PauseEvent> mine = pauses.getOrDefault(t.number(), List.of());
        if (t.firstRespondedAt() != null) {
            firstResponse = room(firstResponse, firstResponses);
            firstResponse[firstResponses++] = working(t.receivedAt(), t.firstRespondedAt(), mine, time);
        }
        if (t.resolvedAt() != null) {
            resolution = room(resolution, resolutions);
            resolution[resolutions++] = working(t.receivedAt(), t.resolvedAt(), mine, time);
        }
    }

    DurationStats firstResponse() {
        return DurationStats.of(firstResponse, firstResponses);
    }

    DurationStats resolution() {
        return DurationStats.of(resolution, resolutions);
    }

    /** Working time in [from, to) outside the pauses; a pause still open at {@code to} ends there. */
    public static long working(Instant from, Instant to, List<ReportMapper.PauseEvent> pauses, DueDateCalculator time) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Duration total = time.businessTimeBetween(from, to);
        Instant pausedAt = null;
        for (ReportMapper.PauseEvent e : pauses) {
            boolean stop = "ticket.waiting".equals(e.action());
            if (stop && pausedAt == null) {
                pausedAt = e.occurredAt();
            } else if (!stop && pausedAt != null) {
                total = total.minus(overlap(pausedAt, e.occurredAt(), from, to, time));
                pausedAt = null;
            }
        }
        if (pausedAt != null) {
            total = total.minus(overlap(pausedAt, to, from, to, time));
        }
        return Math.max(0, total.toSeconds());
    }

    private static Duration overlap(Instant a, Instant b, Instant from, Instant to, DueDateCalculator time) {
        Instant s = a.isBefore(from) ? from : a;
        Instant e = b.isAfter(to) ? to : b;
        return e.isAfter(s) ? time.businessTimeBetween(s, e) : Duration.ZERO;
    }

    private static long[] room(long[] a, int used) {
        return used < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
    }
}
