package io.careloop.engine.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of one period and filter (docs/reports.md defines each). Every count that a dashboard
 * may open names its {@code kpi}: {@code GET /api/v1/reports/tickets?kpi=…} lists the tickets
 * behind it. Durations are seconds of business time; percentages have two decimals and are null
 * when there is nothing to divide by.
 */
public record Kpis(Period period, Volume volume, Backlog backlog, DurationStats firstResponseTime,
                   DurationStats resolutionTime, SlaCompliance slaCompliance, Escalations escalations, Rate reopenRate,
                   Rate resolutionRate, Csat csat, Nps nps, Rate surveyResponseRate, List<Complaint> complaints,
                   List<ClockStatusCount> adverseEvents) {

    /** The period (days in {@code zone}, both included) and the filters applied. */
    public record Period(LocalDate from, LocalDate to, String zone, Map<String, String> filters) {
    }

    /** Tickets received in the period ({@code received}) and resolved in it ({@code out}). */
    public record Volume(Count in, Count out) {
    }

    /** A number and the tickets behind it. */
    public record Count(String kpi, long count) {
    }

    /** {@code count} of {@code of}, as a percentage. */
    public record Rate(String kpi, long count, long of, Double percent) {
        static Rate of(String kpi, long count, long of) {
            return new Rate(kpi, count, of, Kpis.percent(count, of));
        }
    }

    /**
     * Tickets open at {@code asOf} (the period's end, or now), with their ages in calendar time.
     * Ages are seconds from receipt to {@code asOf}.
     */
    public record Backlog(String kpi, String asOf, long count, Long averageAgeSeconds, Long oldestAgeSeconds,
                          List<AgeBucket> ages) {
    }

    public record AgeBucket(String bucket, long count) {
    }

    public record SlaCompliance(Rate firstResponse, Rate resolution) {
    }

    public record Escalations(Count escalated, long toSupervisors, long toDepartmentHeads, Double percentOfReceived) {
    }

    /** Average (two decimals) and how many gave each score 1–5. */
    public record Csat(String kpi, long responses, Double average, Map<Integer, Long> distribution) {
    }

    /** Promoters 9–10, passives 7–8, detractors 0–6; score = % promoters − % detractors (two decimals). */
    public record Nps(String kpi, long responses, long promoters, long passives, long detractors, Double score,
                      Map<Integer, Long> distribution) {
    }

    public record Complaint(String product, String lot, Long complaints) {
    }

    public record ClockStatusCount(String clockStatus, Long cases) {
    }

    static Double percent(long count, long of) {
        return of == 0 ? null : Math.round(count * 10000.0 / of) / 100.0;
    }
}
