package io.careloop.engine.sla;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The calendars the migrations seed, stated independently of the SQL, for tests that check due dates. */
public final class SlaTestCalendars {

    private SlaTestCalendars() {
    }

    /** V3's default calendar: Monday to Friday 09:00-18:00 in Asia/Shanghai, no holidays. */
    public static BusinessCalendar seededOffice() {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(d, List.of(WorkingPeriod.of("09:00", "18:00")));
        }
        return new BusinessCalendar("cn-office", "office", BusinessCalendar.DEFAULT_ZONE, week, Set.of(), Set.of());
    }
}
