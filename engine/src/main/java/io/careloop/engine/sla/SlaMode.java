package io.careloop.engine.sla;

/**
 * How an SLA target is counted. Service SLAs count business time on a {@link BusinessCalendar};
 * some targets (and every regulatory clock) count plain elapsed time, nights and holidays
 * included.
 */
public enum SlaMode {
    /** Only the calendar's working hours count. */
    BUSINESS,
    /** Every instant counts: the due date is simply start + target. */
    CALENDAR
}
