package io.careloop.engine.sla;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws of business time, tried on calendars with lunch breaks, holidays, make-up days, evening
 * shifts, round-the-clock desks and both clock changes, from random instants and from the
 * instants where periods begin and end.
 */
class BusinessTimePropertiesTest {

    private static final int TRIES = 500;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-12-01");
    private static final LocalDate LAST_DAY = LocalDate.parse("2027-01-31");
    /** Period boundaries of the sample calendars and the small hours when clocks change. */
    private static final List<LocalTime> BOUNDARIES = List.of("00:00", "02:00", "02:30", "03:00", "06:00", "07:00",
            "08:30", "09:00", "11:00", "12:00", "12:15", "12:45", "13:00", "17:00", "18:00", "20:00", "23:59:59.999999999")
            .stream().map(LocalTime::parse).toList();
    /** Dates where something happens: holidays, make-up days, clock changes, weekends. */
    private static final List<LocalDate> EVENTFUL = List.of("2026-02-13", "2026-02-14", "2026-02-15", "2026-02-23",
            "2026-02-28", "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-09-19", "2026-09-20",
            "2026-09-30", "2026-10-07", "2026-10-10", "2026-10-24", "2026-10-25", "2026-10-26", "2026-12-25")
            .stream().map(LocalDate::parse).toList();

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(SampleCalendars.chineseOffice2026(), SampleCalendars.berlinOffice(),
                SampleCalendars.berlinRoundTheClock(), SampleCalendars.irregular());
    }

    /** Wall-clock times, turned into instants in each calendar's own zone. */
    @Provide
    Arbitrary<LocalDateTime> wallClock() {
        Arbitrary<LocalDate> anyDay = Arbitraries.longs().between(FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> day = Arbitraries.frequencyOf(
                Tuple.of(3, anyDay), Tuple.of(1, Arbitraries.of(EVENTFUL)));
        Arbitrary<LocalTime> anyTime = Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay())
                .map(LocalTime::ofNanoOfDay);
        Arbitrary<LocalTime> time = Arbitraries.frequencyOf(
                Tuple.of(1, anyTime), Tuple.of(1, Arbitraries.of(BOUNDARIES)));
        return Combinators.combine(day, time).as(LocalDateTime::of);
    }

    /** From a second to about a year of office hours, in whole minutes or to the millisecond. */
    @Provide
    Arbitrary<Duration> targets() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 60 * 24 * 7).map(Duration::ofMinutes),
                Arbitraries.longs().between(1, 2_000L * 3600 * 1000).map(Duration::ofMillis));
    }

    @Provide
    Arbitrary<Duration> targetsOrZero() {
        return Arbitraries.oneOf(targets(), Arbitraries.just(Duration.ZERO));
    }

    private static Instant instant(BusinessCalendar calendar, LocalDateTime wallClock) {
        return wallClock.atZone(calendar.zone()).toInstant();
    }

    @Property(tries = TRIES)
    void theMomentBeforeADueDateIsAlwaysWorkingTime(@ForAll("calendars") BusinessCalendar calendar,
                                                   @ForAll("wallClock") LocalDateTime start,
                                                   @ForAll("targets") Duration target) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);

        Instant due = time.addBusinessTime(instant(calendar, start), target);

        // So the due date lies inside a working period or exactly at its end.
        assertThat(time.isWorkingTime(due.minusNanos(1))).isTrue();
        assertThat(due).isAfter(instant(calendar, start));
    }

    @Property(tries = TRIES)
    void theBusinessTimeFromStartToDueIsTheTarget(@ForAll("calendars") BusinessCalendar calendar,
                                                   @ForAll("wallClock") LocalDateTime start,
                                                   @ForAll("targetsOrZero") Duration target) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);
        Instant from = instant(calendar, start);

        assertThat(time.businessTimeBetween(from, time.addBusinessTime(from, target))).isEqualTo(target);
    }

    @Property(tries = TRIES)
    void addingInTwoStepsIsAddingAtOnce(@ForAll("calendars") BusinessCalendar calendar,
                                        @ForAll("wallClock") LocalDateTime start,
                                        @ForAll("targetsOrZero") Duration a, @ForAll("targetsOrZero") Duration b) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);
        Instant from = instant(calendar, start);

        assertThat(time.addBusinessTime(time.addBusinessTime(from, a), b)).isEqualTo(time.addBusinessTime(from, a.plus(b)));
    }

    @Property(tries = TRIES)
    void aLongerTargetIsNeverDueEarlier(@ForAll("calendars") BusinessCalendar calendar,
                                        @ForAll("wallClock") LocalDateTime start,
                                        @ForAll("targetsOrZero") Duration a, @ForAll("targetsOrZero") Duration b) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);
        Instant from = instant(calendar, start);
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        Duration longer = a.compareTo(b) <= 0 ? b : a;

        assertThat(time.addBusinessTime(from, shorter)).isBeforeOrEqualTo(time.addBusinessTime(from, longer));
    }

    @Property(tries = TRIES)
    void aLaterStartIsNeverDueEarlier(@ForAll("calendars") BusinessCalendar calendar,
                                      @ForAll("wallClock") LocalDateTime a, @ForAll("wallClock") LocalDateTime b,
                                      @ForAll("targets") Duration target) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);
        Instant earlier = instant(calendar, a.isBefore(b) ? a : b);
        Instant later = instant(calendar, a.isBefore(b) ? b : a);

        assertThat(time.addBusinessTime(earlier, target)).isBeforeOrEqualTo(time.addBusinessTime(later, target));
    }

    @Property(tries = TRIES)
    void businessTimeBetweenAgreesWithCountingDayByDay(@ForAll("calendars") BusinessCalendar calendar,
                                                       @ForAll("wallClock") LocalDateTime a,
                                                       @ForAll("wallClock") LocalDateTime b) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);
        Instant from = instant(calendar, a.isBefore(b) ? a : b);
        Instant to = instant(calendar, a.isBefore(b) ? b : a);

        assertThat(time.businessTimeBetween(from, to)).isEqualTo(countedDayByDay(calendar, from, to));
        assertThat(time.businessTimeBetween(to, from)).isEqualTo(countedDayByDay(calendar, from, to).negated());
    }

    @Property(tries = TRIES)
    void theNextWorkingInstantIsTheFirstWorkingInstantFromThen(@ForAll("calendars") BusinessCalendar calendar,
                                                              @ForAll("wallClock") LocalDateTime wallClock) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);
        Instant t = instant(calendar, wallClock);

        Instant next = time.nextWorkingInstant(t);

        assertThat(next).isAfterOrEqualTo(t);
        assertThat(time.isWorkingTime(next)).isTrue();
        assertThat(time.businessTimeBetween(t, next)).isZero();
        assertThat(next.equals(t)).isEqualTo(time.isWorkingTime(t));
    }

    @Property(tries = TRIES)
    void aCalendarOpenAroundTheClockCountsLikeCalendarTime(@ForAll("wallClock") LocalDateTime start,
                                                           @ForAll("targetsOrZero") Duration target) {
        BusinessCalendar alwaysOpen = SampleCalendars.alwaysOpen(ZoneId.of("Europe/Berlin"));
        DueDateCalculator business = DueDateCalculator.businessTime(alwaysOpen);
        DueDateCalculator calendarTime = DueDateCalculator.calendarTime();
        Instant from = instant(alwaysOpen, start);

        assertThat(business.addBusinessTime(from, target)).isEqualTo(calendarTime.addBusinessTime(from, target));
    }

    @Property(tries = TRIES)
    void pausingAndResumingAtOnceKeepsTheDueDate(@ForAll("calendars") BusinessCalendar calendar,
                                                 @ForAll("wallClock") LocalDateTime start,
                                                 @ForAll("targets") Duration target,
                                                 @ForAll("wallClock") LocalDateTime pause) {
        DueDateCalculator time = DueDateCalculator.businessTime(calendar);
        SlaClock clock = SlaClock.start(instant(calendar, start), target, time);
        Instant now = instant(calendar, pause);

        SlaClock paused = clock.pause(now, time);

        assertThat(paused.remaining()).isEqualTo(time.businessTimeBetween(now, clock.due()));
        assertThat(paused.resume(now, time)).isEqualTo(clock);
    }

    /**
     * The reference the calculator's shortcuts (whole periods, whole weeks) must agree with: every
     * period of every day, clipped to [from, to). It maps wall-clock times the plain way, which is
     * right because no sample calendar has a period boundary inside a clock gap.
     */
    private static Duration countedDayByDay(BusinessCalendar calendar, Instant from, Instant to) {
        ZoneId zone = calendar.zone();
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (WorkingPeriod p : calendar.hoursOn(d)) {
                Instant s = ZonedDateTime.of(d, p.start(), zone).toInstant();
                Instant e = p.endsAtMidnight() ? d.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(d, p.end(), zone).toInstant();
                Instant clippedStart = s.isAfter(from) ? s : from;
                Instant clippedEnd = e.isBefore(to) ? e : to;
                if (clippedStart.isBefore(clippedEnd)) {
                    total = total.plus(Duration.between(clippedStart, clippedEnd));
                }
            }
        }
        return total;
    }
}
