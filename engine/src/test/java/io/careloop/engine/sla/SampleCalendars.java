package io.careloop.engine.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars the SLA tests count on. */
final class SampleCalendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private SampleCalendars() {
    }

    /**
     * The Chinese office with two 2026 PRC holiday blocks. TEST DATA: these dates are as the brief
     * for this work gave them, not checked against the State Council's announcement, and they are
     * only a sample of the year; a real calendar is maintained by administrators.
     */
    static BusinessCalendar chineseOffice2026() {
        List<LocalDate> holidays = new ArrayList<>();
        holidays.addAll(days("2026-02-15", "2026-02-23")); // Spring Festival
        holidays.addAll(days("2026-10-01", "2026-10-07")); // National Day
        List<MakeUpDay> makeUpDays = List.of(
                new MakeUpDay(LocalDate.parse("2026-02-14"), DayOfWeek.MONDAY),   // Saturday
                new MakeUpDay(LocalDate.parse("2026-02-28"), DayOfWeek.MONDAY),   // Saturday
                new MakeUpDay(LocalDate.parse("2026-09-20"), DayOfWeek.MONDAY),   // Sunday
                new MakeUpDay(LocalDate.parse("2026-10-10"), DayOfWeek.MONDAY));  // Saturday
        return BusinessCalendar.chineseOffice().withHolidays(holidays, makeUpDays);
    }

    /** Same office hours in a zone with daylight saving time (2026: +1 h on 29 March, back on 25 October). */
    static BusinessCalendar berlinOffice() {
        BusinessCalendar hours = BusinessCalendar.chineseOffice();
        return new BusinessCalendar("berlin-office", "Berlin office", BERLIN, hours.weeklyHours(), Set.of(), Set.of());
    }

    /** A desk staffed round the clock in Berlin, closed on one day: the DST days are 23 h and 25 h long. */
    static BusinessCalendar berlinRoundTheClock() {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(WorkingPeriod.of("00:00", "00:00")));
        }
        return new BusinessCalendar("berlin-24x7", "Berlin 24/7", BERLIN, week,
                Set.of(LocalDate.parse("2026-12-25")), Set.of());
    }

    /** Every day 00:00–24:00 and nothing else: counts exactly like calendar time. */
    static BusinessCalendar alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(WorkingPeriod.of("00:00", "00:00")));
        }
        return new BusinessCalendar("always-open", "Always open", zone, week, Set.of(), Set.of());
    }

    /**
     * An irregular one: short Saturday mornings, an evening shift on Wednesday, a weekday holiday
     * and a Sunday make-up day, in Berlin so that the clock changes too.
     */
    static BusinessCalendar irregular() {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(WorkingPeriod.of("08:30", "12:15"), WorkingPeriod.of("12:45", "17:00")));
        week.put(DayOfWeek.WEDNESDAY, List.of(WorkingPeriod.of("06:00", "07:00"), WorkingPeriod.of("20:00", "00:00")));
        week.put(DayOfWeek.SATURDAY, List.of(WorkingPeriod.of("09:00", "11:00")));
        return new BusinessCalendar("irregular", "Irregular", BERLIN, week,
                Set.of(LocalDate.parse("2026-03-30"), LocalDate.parse("2026-10-26")),
                Set.of(new MakeUpDay(LocalDate.parse("2026-03-29"), DayOfWeek.MONDAY)));
    }

    /** A wall-clock time in the calendar's zone, as an instant. */
    static Instant at(BusinessCalendar calendar, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
    }

    private static List<LocalDate> days(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }
}
