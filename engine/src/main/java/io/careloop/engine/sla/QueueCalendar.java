package io.careloop.engine.sla;

import java.time.Instant;

/** The business calendar a queue's SLA clocks count on (table queue_calendar). */
public record QueueCalendar(String queue, String calendarCode, Instant updatedAt, String updatedBy) {
}
