package io.careloop.engine.sla;

import java.time.Instant;

/** A business calendar as stored: the calendar, whether SLA policies without a calendar use it, and its version. */
public record StoredCalendar(BusinessCalendar calendar, boolean isDefault, Instant updatedAt, int version) {
}
