package io.careloop.engine.sla;

import io.careloop.engine.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final WorkingPeriod MORNING = WorkingPeriod.of("09:00", "12:00");
    private static final WorkingPeriod AFTERNOON = WorkingPeriod.of("13:00", "18:00");

    private static BusinessCalendar withMonday(List<WorkingPeriod> periods) {
        return new BusinessCalendar("test", "Test", BusinessCalendar.DEFAULT_ZONE, Map.of(DayOfWeek.MONDAY, periods),
                Set.of(), Set.of());
    }

    @Test
    void theChineseOfficeWorksWeekdaysWithALunchBreakInShanghai() {
        BusinessCalendar office = BusinessCalendar.chineseOffice();

        assertThat(office.zone()).hasToString("Asia/Shanghai");
        assertThat(office.hoursOn(LocalDate.parse("2026-03-09"))).containsExactly(MORNING, AFTERNOON);
        assertThat(office.hoursOn(LocalDate.parse("2026-03-07"))).isEmpty();
        assertThat(office.weeklyHours()).containsOnlyKeys(DayOfWeek.values());
    }

    @Test
    void aHolidayHasNoHoursAndAMakeUpDayHasTheHoursOfItsWeekday() {
        BusinessCalendar office = SampleCalendars.chineseOffice2026();

        assertThat(office.hoursOn(LocalDate.parse("2026-02-16"))).isEmpty();
        assertThat(office.hoursOn(LocalDate.parse("2026-02-14"))).containsExactly(MORNING, AFTERNOON);
    }

    @Test
    void aPeriodMustStartBeforeItEnds() {
        assertThatThrownBy(() -> WorkingPeriod.of("18:00", "09:00"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("a working period must start before it ends: 18:00–09:00");
        assertThatThrownBy(() -> WorkingPeriod.of("09:00", "09:00")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPeriodEndingAtMidnightRunsToTheEndOfTheDay() {
        WorkingPeriod evening = WorkingPeriod.of("20:00", "00:00");

        assertThat(evening.length()).isEqualTo(Duration.ofHours(4));
        assertThat(evening).hasToString("20:00–24:00");
        assertThat(WorkingPeriod.of("00:00", "00:00").length()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void periodsMustBeInOrder() {
        assertThatThrownBy(() -> withMonday(List.of(AFTERNOON, MORNING)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("calendar test: MONDAY periods must be in order, but 09:00–12:00 comes after 13:00–18:00")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("calendar.hours.MONDAY");
    }

    @Test
    void periodsMustNotOverlap() {
        assertThatThrownBy(() -> withMonday(List.of(MORNING, WorkingPeriod.of("11:30", "18:00"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("calendar test: MONDAY periods 09:00–12:00 and 11:30–18:00 overlap");
        assertThatThrownBy(() -> withMonday(List.of(WorkingPeriod.of("20:00", "00:00"), WorkingPeriod.of("22:00", "23:00"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void periodsMayTouch() {
        BusinessCalendar calendar = withMonday(List.of(MORNING, WorkingPeriod.of("12:00", "13:00")));

        assertThat(calendar.weeklyHours().get(DayOfWeek.MONDAY)).hasSize(2);
    }

    @Test
    void aCalendarWithoutAnyWorkingHoursIsRefused() {
        assertThatThrownBy(() -> withMonday(List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("calendar test needs working hours on at least one weekday");
    }

    @Test
    void aDateCannotBeBothAHolidayAndAMakeUpDay() {
        LocalDate saturday = LocalDate.parse("2026-02-14");

        assertThatThrownBy(() -> BusinessCalendar.chineseOffice()
                .withHolidays(List.of(saturday), List.of(new MakeUpDay(saturday, DayOfWeek.MONDAY))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("calendar cn-office: 2026-02-14 cannot be both a holiday and a make-up working day");
    }

    @Test
    void aMakeUpDayMustWorkLikeAWeekdayThatHasHours() {
        assertThatThrownBy(() -> BusinessCalendar.chineseOffice()
                .withHolidays(List.of(), List.of(new MakeUpDay(LocalDate.parse("2026-02-14"), DayOfWeek.SUNDAY))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("calendar cn-office: make-up day 2026-02-14 works like SUNDAY, which has no working hours");
    }

    @Test
    void aDateIsMadeUpOnlyOnce() {
        LocalDate saturday = LocalDate.parse("2026-02-14");

        assertThatThrownBy(() -> BusinessCalendar.chineseOffice().withHolidays(List.of(),
                List.of(new MakeUpDay(saturday, DayOfWeek.MONDAY), new MakeUpDay(saturday, DayOfWeek.FRIDAY))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("make-up day 2026-02-14 works like both");
    }

    @Test
    void aCalendarNeedsACodeANameAndAZone() {
        Map<DayOfWeek, List<WorkingPeriod>> week = Map.of(DayOfWeek.MONDAY, List.of(MORNING));

        assertThatThrownBy(() -> new BusinessCalendar("Not A Code", "x", BusinessCalendar.DEFAULT_ZONE, week, null, null))
                .hasMessageContaining("a calendar code is 1-64 characters");
        assertThatThrownBy(() -> new BusinessCalendar("test", " ", BusinessCalendar.DEFAULT_ZONE, week, null, null))
                .hasMessage("calendar test needs a name");
        assertThatThrownBy(() -> new BusinessCalendar("test", "Test", null, week, null, null))
                .hasMessage("calendar test needs a time zone");
    }

    @Test
    void aCalendarCannotBeChangedThroughItsCollections() {
        BusinessCalendar office = SampleCalendars.chineseOffice2026();

        assertThatThrownBy(() -> office.holidays().add(LocalDate.parse("2026-05-01")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> office.weeklyHours().get(DayOfWeek.MONDAY).add(WorkingPeriod.of("19:00", "20:00")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPeriodNeedsBothEnds() {
        assertThatThrownBy(() -> new WorkingPeriod(LocalTime.NOON, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("a working period needs a start and an end time");
    }
}
