package io.careloop.engine.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A {@link BusinessCalendar} laid out on the instant line: the arithmetic behind
 * {@link DueDateCalculator} in {@link SlaMode#BUSINESS}.
 *
 * <p>A working period covers the instants whose wall-clock time lies in it, so business time is
 * real elapsed time: a 00:00–24:00 desk works 23 h on the spring-forward day and 25 h on the
 * fall-back day. A period boundary that falls in a clock gap becomes the moment of the jump (the
 * wall clock never shows it, and after the jump it is past it); one in a repeated hour takes the
 * first occurrence.
 *
 * <p>Walks day by day, a whole period per step, and skips whole weeks when nothing unusual (a
 * holiday, a make-up day, a clock change) happens in them, so a target of months costs a few
 * dozen steps.
 */
final class BusinessTimeline {

    private record Interval(Instant start, Instant end) {
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private final List<List<WorkingPeriod>> weekly = new ArrayList<>();
    /** Holidays (no hours) and make-up days (a weekday's hours): the dates that break the weekly pattern. */
    private final NavigableMap<LocalDate, List<WorkingPeriod>> exceptions = new TreeMap<>();
    private final Duration ordinaryWeek;

    BusinessTimeline(BusinessCalendar calendar) {
        this.zone = calendar.zone();
        this.rules = zone.getRules();
        Duration week = Duration.ZERO;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingPeriod> periods = calendar.weeklyHours().get(day);
            weekly.add(periods);
            for (WorkingPeriod p : periods) {
                week = week.plus(p.length());
            }
        }
        this.ordinaryWeek = week;
        for (LocalDate holiday : calendar.holidays()) {
            exceptions.put(holiday, List.of());
        }
        for (MakeUpDay m : calendar.makeUpDays()) {
            exceptions.put(m.date(), calendar.weeklyHours().get(m.worksLike()));
        }
    }

    boolean isWorkingTime(Instant t) {
        for (Interval i : intervalsOn(dateOf(t))) {
            if (!t.isBefore(i.start()) && t.isBefore(i.end())) {
                return true;
            }
        }
        return false;
    }

    Instant nextWorkingInstant(Instant t) {
        // Ends: the calendar has working hours on some weekday and finitely many holidays.
        for (LocalDate d = dateOf(t); ; d = d.plusDays(1)) {
            for (Interval i : intervalsOn(d)) {
                if (i.end().isAfter(t)) {
                    return later(i.start(), t);
                }
            }
        }
    }

    /** The earliest instant by which {@code amount} (positive) of working time has passed since {@code start}. */
    Instant add(Instant start, Duration amount) {
        Duration left = amount;
        LocalDate first = dateOf(start);
        LocalDate d = first;
        while (true) {
            // Strictly more than a week left: a skipped week can never hold the due date, which
            // must be the end of its last period, not the following midnight.
            if (d.isAfter(first) && left.compareTo(ordinaryWeek) > 0 && isOrdinaryWeek(d)) {
                left = left.minus(ordinaryWeek);
                d = d.plusWeeks(1);
                continue;
            }
            for (Interval i : intervalsOn(d)) {
                if (!i.end().isAfter(start)) {
                    continue;
                }
                Instant from = later(i.start(), start);
                Duration here = Duration.between(from, i.end());
                if (left.compareTo(here) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(here);
            }
            d = d.plusDays(1);
        }
    }

    /** Working time in [from, to); {@code from} is before {@code to}. */
    Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate first = dateOf(from);
        LocalDate d = first;
        while (startOf(d).isBefore(to)) {
            if (d.isAfter(first) && !startOf(d.plusWeeks(1)).isAfter(to) && isOrdinaryWeek(d)) {
                total = total.plus(ordinaryWeek);
                d = d.plusWeeks(1);
                continue;
            }
            for (Interval i : intervalsOn(d)) {
                Instant s = later(i.start(), from);
                Instant e = i.end().isBefore(to) ? i.end() : to;
                if (s.isBefore(e)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
            d = d.plusDays(1);
        }
        return total;
    }

    /**
     * Whether the seven days from {@code d} work exactly {@link #ordinaryWeek}: no holiday or
     * make-up day, and no clock change (checked a day beyond each end, so a change at midnight
     * that moves a period boundary cannot slip through).
     */
    private boolean isOrdinaryWeek(LocalDate d) {
        LocalDate next = exceptions.ceilingKey(d);
        if (next != null && next.isBefore(d.plusWeeks(1))) {
            return false;
        }
        ZoneOffsetTransition change = rules.nextTransition(startOf(d.minusDays(1)));
        return change == null || change.getInstant().isAfter(startOf(d.plusDays(8)));
    }

    private List<Interval> intervalsOn(LocalDate d) {
        List<WorkingPeriod> periods = exceptions.getOrDefault(d, weekly.get(d.getDayOfWeek().ordinal()));
        List<Interval> intervals = new ArrayList<>(periods.size());
        for (WorkingPeriod p : periods) {
            Instant start = instantOf(d, p.start());
            Instant end = p.endsAtMidnight() ? startOf(d.plusDays(1)) : instantOf(d, p.end());
            // Both ends inside one clock gap: the period never appears on the wall clock that day.
            if (start.isBefore(end)) {
                intervals.add(new Interval(start, end));
            }
        }
        return intervals;
    }

    private Instant instantOf(LocalDate d, LocalTime time) {
        ZoneOffsetTransition change = rules.getTransition(d.atTime(time));
        if (change != null && change.isGap()) {
            return change.getInstant();
        }
        return ZonedDateTime.of(d, time, zone).toInstant();
    }

    private Instant startOf(LocalDate d) {
        return d.atStartOfDay(zone).toInstant();
    }

    private LocalDate dateOf(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
