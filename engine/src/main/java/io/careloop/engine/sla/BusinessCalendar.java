package io.careloop.engine.sla;

import io.careloop.engine.error.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When an office works: hours per weekday in a time zone, public holidays, and make-up working
 * days (调休). Due dates in business time are counted on it (see {@link DueDateCalculator}).
 *
 * @param code        stable identifier an SLA policy refers to, e.g. {@code cn-office}
 * @param name        what administrators see
 * @param zone        the office's time zone; working hours are wall-clock times in it
 * @param weeklyHours working periods per weekday, in order; a missing or empty day is not worked
 * @param holidays    dates not worked whatever their weekday
 * @param makeUpDays  dates worked with the hours of another weekday
 */
public record BusinessCalendar(String code, String name, ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> weeklyHours,
                               Set<LocalDate> holidays, Set<MakeUpDay> makeUpDays) {

    /** The zone of a calendar an administrator creates without choosing one. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public BusinessCalendar {
        if (code == null || !code.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new InvalidInputException("calendar.code",
                    "a calendar code is 1-64 characters: lower-case letters, digits, . _ - (got '" + code + "')");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("calendar.name", "calendar " + code + " needs a name");
        }
        if (zone == null) {
            throw new InvalidInputException("calendar.zone", "calendar " + code + " needs a time zone");
        }
        weeklyHours = checkedWeek(code, weeklyHours);
        holidays = Collections.unmodifiableSet(new TreeSet<>(holidays == null ? Set.of() : holidays));
        makeUpDays = checkedMakeUpDays(code, makeUpDays, holidays, weeklyHours);
    }

    /**
     * The ordinary Chinese office: Monday to Friday 09:00–12:00 and 13:00–18:00 in Asia/Shanghai,
     * no holidays yet (they change every year; add them with {@link #withHolidays}).
     */
    public static BusinessCalendar chineseOffice() {
        List<WorkingPeriod> day = List.of(WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("13:00", "18:00"));
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(d, day);
        }
        return new BusinessCalendar("cn-office", "中国办公时间 / China office hours", DEFAULT_ZONE, week, Set.of(),
                Set.of());
    }

    /** This calendar with more holidays and make-up days, e.g. a year's announcement. */
    public BusinessCalendar withHolidays(Collection<LocalDate> moreHolidays, Collection<MakeUpDay> moreMakeUpDays) {
        Set<LocalDate> h = new HashSet<>(holidays);
        h.addAll(moreHolidays);
        Set<MakeUpDay> m = new HashSet<>(makeUpDays);
        m.addAll(moreMakeUpDays);
        return new BusinessCalendar(code, name, zone, weeklyHours, h, m);
    }

    /** The working periods of one local date: none on a holiday, a weekday's on a make-up day. */
    public List<WorkingPeriod> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        for (MakeUpDay m : makeUpDays) {
            if (m.date().equals(date)) {
                return weeklyHours.get(m.worksLike());
            }
        }
        return weeklyHours.get(date.getDayOfWeek());
    }

    private static Map<DayOfWeek, List<WorkingPeriod>> checkedWeek(String code, Map<DayOfWeek, List<WorkingPeriod>> given) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        boolean anyHours = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingPeriod> periods = given == null ? null : given.get(day);
            periods = periods == null ? List.of() : List.copyOf(periods);
            for (int i = 1; i < periods.size(); i++) {
                WorkingPeriod before = periods.get(i - 1);
                WorkingPeriod after = periods.get(i);
                if (!before.start().isBefore(after.start())) {
                    throw new InvalidInputException("calendar.hours." + day,
                            "calendar " + code + ": " + day + " periods must be in order, but " + after
                                    + " comes after " + before);
                }
                if (before.endsAfterStartOf(after)) {
                    throw new InvalidInputException("calendar.hours." + day,
                            "calendar " + code + ": " + day + " periods " + before + " and " + after + " overlap");
                }
            }
            anyHours |= !periods.isEmpty();
            week.put(day, periods);
        }
        // Without a single working weekday no due date could ever be reached.
        if (!anyHours) {
            throw new InvalidInputException("calendar.hours", "calendar " + code + " needs working hours on at least one weekday");
        }
        return Collections.unmodifiableMap(week);
    }

    private static Set<MakeUpDay> checkedMakeUpDays(String code, Set<MakeUpDay> given, Set<LocalDate> holidays,
                                                    Map<DayOfWeek, List<WorkingPeriod>> week) {
        Map<LocalDate, MakeUpDay> byDate = new TreeMap<>();
        for (MakeUpDay m : given == null ? Set.<MakeUpDay>of() : given) {
            if (holidays.contains(m.date())) {
                throw new InvalidInputException("calendar.makeUpDays",
                        "calendar " + code + ": " + m.date() + " cannot be both a holiday and a make-up working day");
            }
            MakeUpDay other = byDate.put(m.date(), m);
            if (other != null) {
                throw new InvalidInputException("calendar.makeUpDays", "calendar " + code + ": make-up day " + m.date()
                        + " works like both " + other.worksLike() + " and " + m.worksLike());
            }
            if (week.get(m.worksLike()).isEmpty()) {
                throw new InvalidInputException("calendar.makeUpDays", "calendar " + code + ": make-up day " + m.date()
                        + " works like " + m.worksLike() + ", which has no working hours");
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(byDate.values()));
    }
}
