package io.careloop.engine.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.careloop.engine.sla.SampleCalendars.BERLIN;
import static io.careloop.engine.sla.SampleCalendars.at;
import static org.assertj.core.api.Assertions.assertThat;

/** Europe/Berlin in 2026: clocks go 02:00 → 03:00 on Sunday 29 March and 03:00 → 02:00 on Sunday 25 October. */
class DaylightSavingTimeTest {

    private final BusinessCalendar office = SampleCalendars.berlinOffice();
    private final DueDateCalculator officeTime = DueDateCalculator.businessTime(office);
    private final BusinessCalendar desk = SampleCalendars.berlinRoundTheClock();
    private final DueDateCalculator deskTime = DueDateCalculator.businessTime(desk);

    private static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, BERLIN);
    }

    @Test
    void officeHoursAfterTheSpringForwardWeekendKeepTheirWallClockTimes() {
        Instant due = officeTime.addBusinessTime(at(office, "2026-03-27T17:00"), Duration.ofHours(2));

        assertThat(local(due)).isEqualTo("2026-03-30T10:00");
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(officeTime.businessTimeBetween(at(office, "2026-03-27T09:00"), at(office, "2026-03-30T18:00")))
                .isEqualTo(Duration.ofHours(16));
    }

    @Test
    void officeHoursAfterTheFallBackWeekendKeepTheirWallClockTimes() {
        Instant due = officeTime.addBusinessTime(at(office, "2026-10-23T17:00"), Duration.ofHours(2));

        assertThat(local(due)).isEqualTo("2026-10-26T10:00");
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void skippingWholeWeeksDoesNotSkipAClockChange() {
        assertThat(local(officeTime.addBusinessTime(at(office, "2026-01-05T09:00"), Duration.ofHours(1000))))
                .isEqualTo("2026-06-26T18:00");
        assertThat(local(officeTime.addBusinessTime(at(office, "2026-09-07T09:00"), Duration.ofHours(1000))))
                .isEqualTo("2027-02-26T18:00");
    }

    @Test
    void theSpringForwardDayHasTwentyThreeWorkingHoursAtARoundTheClockDesk() {
        assertThat(deskTime.businessTimeBetween(at(desk, "2026-03-29T00:00"), at(desk, "2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(local(deskTime.addBusinessTime(at(desk, "2026-03-28T12:00"), Duration.ofHours(24))))
                .isEqualTo("2026-03-29T13:00");
    }

    @Test
    void theFallBackDayHasTwentyFiveWorkingHoursAtARoundTheClockDesk() {
        assertThat(deskTime.businessTimeBetween(at(desk, "2026-10-25T00:00"), at(desk, "2026-10-26T00:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(local(deskTime.addBusinessTime(at(desk, "2026-10-24T12:00"), Duration.ofHours(24))))
                .isEqualTo("2026-10-25T11:00");
    }

    @Test
    void aRoundTheClockDeskStillClosesOnItsHoliday() {
        assertThat(local(deskTime.addBusinessTime(at(desk, "2026-12-24T23:00"), Duration.ofHours(2))))
                .isEqualTo("2026-12-26T01:00");
    }

    @Test
    void aPeriodEndingInsideTheSpringForwardGapEndsWhenTheClockJumps() {
        DueDateCalculator night = DueDateCalculator.businessTime(sundayNight(
                WorkingPeriod.of("01:00", "02:30"), WorkingPeriod.of("03:00", "04:00")));
        Instant sunday = at(office, "2026-03-29T00:00");

        // 01:00–02:00 CET, then 03:00–04:00 CEST: two hours instead of the usual two and a half.
        assertThat(night.businessTimeBetween(sunday, sunday.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(2));
        assertThat(night.addBusinessTime(sunday, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(night.isWorkingTime(Instant.parse("2026-03-29T01:00:00Z"))).isTrue();
    }

    @Test
    void theRepeatedHourOfTheFallBackNightCountsTwice() {
        DueDateCalculator night = DueDateCalculator.businessTime(sundayNight(WorkingPeriod.of("02:00", "03:00")));
        Instant sunday = at(office, "2026-10-25T00:00");

        assertThat(night.businessTimeBetween(sunday, sunday.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(2));
        assertThat(night.businessTimeBetween(sunday.plus(Duration.ofDays(7)), sunday.plus(Duration.ofDays(8))))
                .isEqualTo(Duration.ofHours(1));
    }

    private static BusinessCalendar sundayNight(WorkingPeriod... periods) {
        return new BusinessCalendar("sunday-night", "Sunday night", BERLIN, Map.of(DayOfWeek.SUNDAY, List.of(periods)),
                Set.of(), Set.of());
    }
}
