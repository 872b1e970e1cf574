package io.careloop.engine.report.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

/**
 * A weekly report: sent on {@code dayOfWeek} (ISO, 1 = Monday) at {@code sendTime} (HH:MM) in
 * {@code timeZone} to {@code recipients} (comma-separated), with the dashboard's filters; it covers
 * the seven days before the day it is sent.
 */
public record ReportSchedule(Long id, String name, Integer dayOfWeek, String sendTime, String timeZone, String recipients,
                             String filterTeam, String filterQueue, String filterCategory, String filterProduct,
                             String filterTier, Boolean enabled, String createdBy, Instant createdAt, Instant updatedAt,
                             Integer version) {

    public List<String> recipientList() {
        return Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The latest time this schedule fell due at or before {@code now}. */
    public Instant lastDueAt(Instant now) {
        ZoneId zone = ZoneId.of(timeZone);
        ZonedDateTime here = now.atZone(zone);
        ZonedDateTime due = here.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(dayOfWeek)))
                .with(LocalTime.parse(sendTime));
        if (due.isAfter(here)) {
            due = due.minusWeeks(1).with(LocalTime.parse(sendTime));
        }
        return due.toInstant();
    }

    /** The first day the report sent at {@code due} covers (the last is the day before {@code due}'s day). */
    public LocalDate periodFrom(Instant due) {
        return periodTo(due).minusDays(6);
    }

    public LocalDate periodTo(Instant due) {
        return due.atZone(ZoneId.of(timeZone)).toLocalDate().minusDays(1);
    }
}
