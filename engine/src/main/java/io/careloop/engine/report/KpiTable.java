package io.careloop.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One table of a report as the exports write it (a CSV file, an XLSX sheet): a name, column
 * headers and rows of text and numbers.
 */
public record KpiTable(String name, List<String> columns, List<List<Object>> rows) {

    /** The names of {@link #all}, in order; {@code GET /api/v1/reports/kpis.csv?table=} takes one. */
    public static final List<String> NAMES = List.of("summary", "backlog-age", "csat-distribution", "nps-distribution",
            "complaints", "adverse-events");

    /** Every table of the KPIs: the summary (one row per KPI) and the breakdowns. */
    public static List<KpiTable> all(Kpis k) {
        List<KpiTable> tables = new ArrayList<>();
        tables.add(summary(k));
        tables.add(new KpiTable("backlog-age", List.of("bucket", "tickets"),
                k.backlog().ages().stream().map(a -> List.<Object>of(a.bucket(), a.count())).toList()));
        tables.add(distribution("csat-distribution", k.csat().distribution()));
        tables.add(distribution("nps-distribution", k.nps().distribution()));
        tables.add(new KpiTable("complaints", List.of("product", "lot", "complaints"),
                k.complaints().stream().map(c -> List.<Object>of(c.product(), c.lot(), c.complaints())).toList()));
        tables.add(new KpiTable("adverse-events", List.of("clock status", "cases"),
                k.adverseEvents().stream().map(a -> List.<Object>of(a.clockStatus(), a.cases())).toList()));
        return tables;
    }

    private static KpiTable summary(Kpis k) {
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "period", k.period().from() + " .. " + k.period().to() + " " + k.period().zone(), null, null);
        add(rows, "volume in", k.volume().in().count(), null, null);
        add(rows, "volume out", k.volume().out().count(), null, null);
        add(rows, "backlog", k.backlog().count(), null, null);
        add(rows, "backlog average age (s)", k.backlog().averageAgeSeconds(), null, null);
        add(rows, "backlog oldest age (s)", k.backlog().oldestAgeSeconds(), null, null);
        duration(rows, "first response", k.firstResponseTime());
        duration(rows, "resolution", k.resolutionTime());
        rate(rows, "SLA first response met %", k.slaCompliance().firstResponse());
        rate(rows, "SLA resolution met %", k.slaCompliance().resolution());
        add(rows, "escalated", k.escalations().escalated().count(), null, null);
        add(rows, "escalated to supervisors (L2)", k.escalations().toSupervisors(), null, null);
        add(rows, "escalated to department heads (L3)", k.escalations().toDepartmentHeads(), null, null);
        rate(rows, "reopen rate %", k.reopenRate());
        rate(rows, "resolution rate %", k.resolutionRate());
        add(rows, "CSAT average", k.csat().average(), k.csat().responses(), null);
        add(rows, "NPS", k.nps().score(), k.nps().responses(), null);
        rate(rows, "survey response rate %", k.surveyResponseRate());
        return new KpiTable("summary", List.of("kpi", "value", "count", "of"), rows);
    }

    private static void duration(List<List<Object>> rows, String what, DurationStats d) {
        add(rows, what + " average (business s)", d.averageSeconds(), d.count(), null);
        add(rows, what + " median (business s)", d.medianSeconds(), d.count(), null);
        add(rows, what + " p90 (business s)", d.p90Seconds(), d.count(), null);
    }

    private static void rate(List<List<Object>> rows, String what, Kpis.Rate r) {
        add(rows, what, r.percent(), r.count(), r.of());
    }

    private static void add(List<List<Object>> rows, String kpi, Object value, Object count, Object of) {
        List<Object> row = new ArrayList<>(4);
        row.add(kpi);
        row.add(value);
        row.add(count);
        row.add(of);
        rows.add(row);
    }

    private static KpiTable distribution(String name, Map<Integer, Long> d) {
        return new KpiTable(name, List.of("score", "responses"),
                d.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList());
    }
}
