package io.careloop.engine.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.careloop.engine.sla.SampleCalendars.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Due dates on the Chinese office calendar (Mon–Fri 09:00–12:00, 13:00–18:00, Asia/Shanghai). */
class DueDateCalculatorTest {

    private final BusinessCalendar office = BusinessCalendar.chineseOffice();
    private final DueDateCalculator plain = DueDateCalculator.businessTime(office);
    private final BusinessCalendar office2026 = SampleCalendars.chineseOffice2026();
    private final DueDateCalculator prc2026 = DueDateCalculator.businessTime(office2026);

    private Instant due(DueDateCalculator calculator, String start, Duration amount) {
        BusinessCalendar calendar = calculator.calendar().orElseThrow();
        return calculator.addBusinessTime(at(calendar, start), amount);
    }

    private LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, SampleCalendars.SHANGHAI);
    }

    @Test
    void fridayAtHalfPastFivePlusTwoHoursIsMondayAtHalfPastTen() {
        assertThat(local(due(plain, "2026-03-06T17:30", Duration.ofHours(2))))
                .isEqualTo("2026-03-09T10:30");
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(local(due(plain, "2026-03-06T11:30", Duration.ofHours(2)))).isEqualTo("2026-03-06T14:30");
        assertThat(plain.businessTimeBetween(at(office, "2026-03-06T11:00"), at(office, "2026-03-06T14:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void twentyFourBusinessHoursAreThreeEightHourWorkingDays() {
        assertThat(local(due(plain, "2026-03-02T09:00", Duration.ofHours(24)))).isEqualTo("2026-03-04T18:00");
    }

    @Test
    void aTargetUsedUpAtClosingTimeIsDueAtClosingTimeNotAtTheNextOpening() {
        Instant due = due(plain, "2026-03-06T17:00", Duration.ofHours(1));

        assertThat(local(due)).isEqualTo("2026-03-06T18:00");
        assertThat(plain.isWorkingTime(due)).isFalse();
        assertThat(local(plain.nextWorkingInstant(due))).isEqualTo("2026-03-09T09:00");
    }

    @Test
    void aStartOutsideWorkingHoursCountsFromTheNextOpening() {
        assertThat(local(due(plain, "2026-03-07T10:00", Duration.ofHours(1)))).isEqualTo("2026-03-09T10:00");
        assertThat(local(due(plain, "2026-03-09T07:00", Duration.ofHours(1)))).isEqualTo("2026-03-09T10:00");
        assertThat(local(due(plain, "2026-03-09T12:30", Duration.ofHours(1)))).isEqualTo("2026-03-09T14:00");
        assertThat(local(due(plain, "2026-03-09T18:00", Duration.ofMinutes(1)))).isEqualTo("2026-03-10T09:01");
    }

    @Test
    void aZeroTargetIsDueAtTheStartEvenOutsideWorkingHours() {
        Instant saturday = at(office, "2026-03-07T10:00");

        assertThat(plain.addBusinessTime(saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    @Test
    void aNegativeTargetIsRefused() {
        assertThatThrownBy(() -> plain.addBusinessTime(Instant.EPOCH, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void workingPeriodsIncludeTheirStartAndExcludeTheirEnd() {
        assertThat(plain.isWorkingTime(at(office, "2026-03-09T09:00"))).isTrue();
        assertThat(plain.isWorkingTime(at(office, "2026-03-09T11:59:59.999999999"))).isTrue();
        assertThat(plain.isWorkingTime(at(office, "2026-03-09T12:00"))).isFalse();
        assertThat(plain.isWorkingTime(at(office, "2026-03-08T10:00"))).isFalse();
        Instant working = at(office, "2026-03-09T10:15");
        assertThat(plain.nextWorkingInstant(working)).isEqualTo(working);
        assertThat(local(plain.nextWorkingInstant(at(office, "2026-03-09T12:00")))).isEqualTo("2026-03-09T13:00");
    }

    @Test
    void theMakeUpSaturdayBeforeSpringFestivalIsWorked() {
        assertThat(local(due(prc2026, "2026-02-13T17:00", Duration.ofHours(2)))).isEqualTo("2026-02-14T10:00");
        assertThat(prc2026.isWorkingTime(at(office2026, "2026-02-14T09:30"))).isTrue();
    }

    @Test
    void springFestivalIsSkippedAsAWhole() {
        // Saturday 14 February is a make-up day; the 15th to the 23rd are holidays.
        assertThat(local(due(prc2026, "2026-02-14T17:00", Duration.ofHours(2)))).isEqualTo("2026-02-24T10:00");
        assertThat(prc2026.businessTimeBetween(at(office2026, "2026-02-13T09:00"), at(office2026, "2026-02-25T09:00")))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theMakeUpSaturdayAfterSpringFestivalIsWorked() {
        assertThat(local(due(prc2026, "2026-02-27T17:00", Duration.ofHours(2)))).isEqualTo("2026-02-28T10:00");
    }

    @Test
    void aHolidayOnAWeekdayIsNotWorked() {
        // Thursday 1 October, National Day.
        assertThat(prc2026.isWorkingTime(at(office2026, "2026-10-01T10:00"))).isFalse();
        assertThat(local(due(prc2026, "2026-09-30T17:00", Duration.ofHours(2)))).isEqualTo("2026-10-08T10:00");
    }

    @Test
    void aSingleWeekdayHolidayMovesTheDueDateByOneDay() {
        DueDateCalculator withHoliday = DueDateCalculator.businessTime(
                office.withHolidays(List.of(LocalDate.parse("2026-03-11")), List.of()));

        assertThat(local(due(withHoliday, "2026-03-10T17:00", Duration.ofHours(2)))).isEqualTo("2026-03-12T10:00");
    }

    @Test
    void theNationalDayMakeUpDaysAreWorkedOnASundayAndASaturday() {
        assertThat(local(due(prc2026, "2026-09-19T10:00", Duration.ofHours(1)))).isEqualTo("2026-09-20T10:00");
        assertThat(local(due(prc2026, "2026-10-09T17:00", Duration.ofHours(2)))).isEqualTo("2026-10-10T10:00");
    }

    @Test
    void aThousandBusinessHoursAreOneHundredAndTwentyFiveWorkingDays() {
        assertThat(local(due(plain, "2026-03-02T09:00", Duration.ofHours(1000)))).isEqualTo("2026-08-21T18:00");
    }

    @Test
    void aYearOfBusinessHoursSkipsTheHolidaysAndWorksTheMakeUpDays() {
        // From Monday 5 January, 250 working days would end on Friday 18 December; 11 weekday
        // holidays (16–20 and 23 Feb, 1–2 and 5–7 Oct) less 4 make-up days push it 7 days on.
        assertThat(local(due(prc2026, "2026-01-05T09:00", Duration.ofHours(2000)))).isEqualTo("2026-12-29T18:00");
    }

    @Test
    void longTargetsAreCountedInWholeWeeksNotMinuteByMinute() {
        Instant monday = at(office, "2026-03-02T09:00");
        // 100 000 h is 12 500 working days; walking minutes would take seconds, weeks take milliseconds.
        Instant due = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> plain.addBusinessTime(monday, Duration.ofHours(100_000)));

        assertThat(local(due)).isEqualTo(LocalDateTime.parse("2026-02-27T18:00").plusWeeks(2500));
        assertThat(plain.businessTimeBetween(monday, due)).isEqualTo(Duration.ofHours(100_000));
    }

    @Test
    void businessTimeBackwardsIsNegative() {
        Instant monday = at(office, "2026-03-09T09:00");
        Instant friday = at(office, "2026-03-06T17:00");

        assertThat(plain.businessTimeBetween(monday, friday)).isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void calendarModeCountsNightsWeekendsAndHolidays() {
        DueDateCalculator calendarTime = DueDateCalculator.of(SlaMode.CALENDAR, office2026);
        Instant friday = at(office2026, "2026-02-13T17:00");

        assertThat(calendarTime.addBusinessTime(friday, Duration.ofHours(48))).isEqualTo(at(office2026, "2026-02-15T17:00"));
        assertThat(calendarTime.businessTimeBetween(friday, at(office2026, "2026-02-14T17:00"))).isEqualTo(Duration.ofDays(1));
        assertThat(calendarTime.isWorkingTime(at(office2026, "2026-02-15T03:00"))).isTrue();
        assertThat(calendarTime.calendar()).isEmpty();
    }
}
