package io.careloop.engine.report.schedule;

import java.util.List;

/**
 * A schedule as an editor sends it (POST and PUT /api/v1/reports/schedules): {@code dayOfWeek}
 * 1–7 (Monday = 1), {@code time} HH:MM, an IANA {@code timeZone}, at least one recipient, the
 * dashboard's filters (each optional), {@code enabled} (default true) and, for a change, the
 * {@code version} it was read at.
 */
public record ScheduleInput(String name, Integer dayOfWeek, String time, String timeZone, List<String> recipients,
                            String team, String queue, String category, String product, String tier, Boolean enabled,
                            Integer version) {
}
