package io.careloop.engine.report;

import io.careloop.engine.ticket.TicketScope;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A {@link ReportFilter} laid on the instant line, as the SQL of {@link ReportMapper} reads it.
 *
 * @param start  the first instant of the period (its first day's midnight in {@code zone})
 * @param end    the instant after the period (the midnight after its last day)
 * @param asOf   where the backlog is taken: the period's end, or now when the period is not over
 * @param now    the time of the report: a clock still running past its due date counts as missed
 * @param scope  the tickets the caller may see
 * @param kpi    for ticket lists: the number whose tickets are listed (see {@link ReportService#DRILL_DOWNS})
 */
public record ReportWindow(ReportFilter f, ZoneId zone, Instant start, Instant end, Instant asOf, Instant now,
                           TicketScope scope, String kpi, Instant day1, Instant day3, Instant day7) {

    static ReportWindow of(ReportFilter f, ZoneId zone, Instant now, TicketScope scope, String kpi) {
        Instant start = f.from().atStartOfDay(zone).toInstant();
        Instant end = f.to().plusDays(1).atStartOfDay(zone).toInstant();
        Instant asOf = end.isAfter(now) ? now : end;
        return new ReportWindow(f, zone, start, end, asOf, now, scope, kpi,
                asOf.minus(java.time.Duration.ofDays(1)), asOf.minus(java.time.Duration.ofDays(3)),
                asOf.minus(java.time.Duration.ofDays(7)));
    }

    /** The category filter as its code (the SQL compares codes). */
    public String categoryCode() {
        return f.category() == null ? null : f.category().code();
    }

    public String tierCode() {
        return f.tier() == null ? null : f.tier().code();
    }
}
