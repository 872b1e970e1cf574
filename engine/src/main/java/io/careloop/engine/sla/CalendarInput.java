package io.careloop.engine.sla;

import java.util.List;
import java.util.Map;

/**
 * A calendar as an administrator sends it (PUT /api/v1/calendars/{code}); {@link Calendars}
 * validates it into a {@link BusinessCalendar}, naming the field of each error.
 *
 * @param weeklyHours weekday name (MONDAY…SUNDAY) → periods {"start": "09:00", "end": "18:00"}
 * @param holidays    ISO dates
 * @param makeUpDays  {"date": "2026-09-27", "worksLike": "MONDAY"}
 * @param isDefault   make this the calendar of every SLA policy that names none
 * @param version     the version the caller read, for an update; null to create or overwrite
 */
public record CalendarInput(String name, String zone, Map<String, List<Map<String, String>>> weeklyHours,
                            List<String> holidays, List<Map<String, String>> makeUpDays, Boolean isDefault,
                            Integer version) {
}
