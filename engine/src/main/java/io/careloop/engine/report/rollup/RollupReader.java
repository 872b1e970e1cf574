package io.careloop.engine.report.rollup;

import io.careloop.engine.report.DurationStats;
import io.careloop.engine.report.Kpis;
import io.careloop.engine.report.ReportMapper;
import io.careloop.engine.report.ReportWindow;
import io.careloop.engine.ticket.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cohort KPIs of a window read from {@code kpi_day} instead of the ticket rows: sums of whole
 * days, and the running clocks decided against the report's "now" (all of a row's clocks at once
 * when its due dates are all on one side of now, else one count over that row's tickets).
 */
public final class RollupReader {

    /** What the roll-up answers; backlog and surveys are read as before. */
    public record Cohort(ReportMapper.CohortCounts counts, long volumeOut, DurationStats firstResponse,
                         DurationStats resolution, List<Kpis.Complaint> complaints,
                         List<Kpis.ClockStatusCount> adverseEvents) {
    }

    private RollupReader() {
    }

    public static Cohort read(KpiMapper m, ReportWindow p) {
        LocalDate from = p.f().from();
        LocalDate to = p.f().to();
        long received = 0, resolved = 0, everResolved = 0, reopened = 0, escalated = 0, escalatedL3 = 0;
        long frMet = 0, frMissed = 0, resMet = 0, resMissed = 0, out = 0;
        long aeNot = 0, aeAwaiting = 0, aeOnTime = 0, aeLate = 0, aeOverdue = 0, aeRunning = 0;
        Durations fr = new Durations();
        Durations res = new Durations();
        for (KpiDay r : m.rows(p, from, to)) {
            received += r.received();
            resolved += r.resolved();
            everResolved += r.everResolved();
            reopened += r.reopened();
            escalated += r.escalated();
            escalatedL3 += r.escalatedL3();
            frMet += r.frMet();
            frMissed += r.frLate() + pastDue(m, p, r, "fr", r.frOpen(), r.frOpenDueMin(), r.frOpenDueMax());
            resMet += r.resMet();
            resMissed += r.resLate() + pastDue(m, p, r, "res", r.resOpen(), r.resOpenDueMin(), r.resOpenDueMax());
            out += r.outCount();
            aeNot += r.aeNot();
            aeAwaiting += r.aeAwaiting();
            aeOnTime += r.aeOnTime();
            aeLate += r.aeLate();
            long overdue = pastDue(m, p, r, "ae", r.aePending(), r.aeDueMin(), r.aeDueMax());
            aeOverdue += overdue;
            aeRunning += r.aePending() - overdue;
            fr.addPacked(r.frSeconds());
            res.addPacked(r.resSeconds());
        }
        Map<String, Long> ae = new TreeMap<>();
        put(ae, "not-adverse-event", aeNot);
        put(ae, "awaiting-review", aeAwaiting);
        put(ae, "submitted-on-time", aeOnTime);
        put(ae, "submitted-late", aeLate);
        put(ae, "overdue", aeOverdue);
        put(ae, "running", aeRunning);
        List<Kpis.ClockStatusCount> aeList = new ArrayList<>();
        ae.forEach((k, v) -> aeList.add(new Kpis.ClockStatusCount(k, v)));
        return new Cohort(new ReportMapper.CohortCounts(received, resolved, everResolved, reopened, escalated, escalatedL3,
                frMet, frMissed, resMet, resMissed), out, DurationStats.of(fr.values(), fr.size()),
                DurationStats.of(res.values(), res.size()), complaints(m, p, from, to), aeList);
    }

    /** Complaints are the product-quality tickets: the category filter and a scope by category decide at once. */
    private static List<Kpis.Complaint> complaints(KpiMapper m, ReportWindow p, LocalDate from, LocalDate to) {
        if (p.categoryCode() != null && !"product-quality".equals(p.categoryCode())) {
            return List.of();
        }
        boolean anyQueue = p.scope() == null || p.scope().all()
                || p.scope().categories().contains(Category.PRODUCT_QUALITY);
        if (!anyQueue && p.scope().queues().isEmpty()) {
            return List.of();
        }
        return m.complaints(p, from, to, anyQueue);
    }

    private static long pastDue(KpiMapper m, ReportWindow p, KpiDay r, String kind, int open, Instant min, Instant max) {
        if (open == 0 || !min.isBefore(p.now())) {
            return 0;
        }
        if (max.isBefore(p.now())) {
            return open;
        }
        return m.pastDue(kind, r.reportDay().atStartOfDay(p.zone()).toInstant(), r.reportDay().plusDays(1).atStartOfDay(p.zone()).toInstant(),
                r.queue(), r.category(), p.now());
    }

    private static void put(Map<String, Long> m, String k, long v) {
        if (v > 0) {
            m.put(k, v);
        }
    }
}
