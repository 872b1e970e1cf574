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

    /** What the roll-up answers; {@code surveyRate} null when the period's facts must be counted one by one. */
    public record Cohort(ReportMapper.CohortCounts counts, long volumeOut, DurationStats firstResponse,
                         DurationStats resolution, List<Kpis.Complaint> complaints,
                         List<Kpis.ClockStatusCount> adverseEvents, ReportMapper.BacklogCounts backlog,
                         List<ReportMapper.ScoreCount> csat, List<ReportMapper.ScoreCount> nps,
                         ReportMapper.SurveyCounts surveyRate) {
    }

    private RollupReader() {
    }

    /**
     * The window's KPIs from the roll-up; {@code builtFrom} is the first day built while a build is under
     * way (null when it is done): the backlog counts the tickets of the days before it from the ticket rows.
     */
    public static Cohort read(KpiMapper m, ReportWindow p, LocalDate builtFrom) {
        LocalDate from = p.f().from();
        LocalDate to = p.f().to();
        long received = 0, resolved = 0, everResolved = 0, reopened = 0, escalated = 0, escalatedL3 = 0;
        long frMet = 0, frMissed = 0, resMet = 0, resMissed = 0, out = 0;
        long aeNot = 0, aeAwaiting = 0, aeOnTime = 0, aeLate = 0, aeOverdue = 0, aeRunning = 0;
        Durations fr = new Durations();
        Durations res = new Durations();
        KpiMapper.SurveyRow survey = m.surveyRows(p, from, to);
        List<KpiDay> all = m.rows(p, from, to);
        for (KpiDay r : all) {
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
                DurationStats.of(res.values(), res.size()), complaints(m, p, from, to), aeList, backlog(m, p, builtFrom),
                scores(survey, true), scores(survey, false),
                survey == null || n(survey.multi()) == 0 ? new ReportMapper.SurveyCounts(n(survey == null ? null
                        : survey.invited()), n(survey == null ? null : survey.responded())) : null);
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    private static List<ReportMapper.ScoreCount> scores(KpiMapper.SurveyRow s, boolean csat) {
        List<ReportMapper.ScoreCount> list = new ArrayList<>();
        if (s == null) {
            return list;
        }
        Long[] v = csat ? new Long[] {null, s.csat1(), s.csat2(), s.csat3(), s.csat4(), s.csat5()}
                : new Long[] {s.nps0(), s.nps1(), s.nps2(), s.nps3(), s.nps4(), s.nps5(), s.nps6(), s.nps7(), s.nps8(),
                        s.nps9(), s.nps10()};
        for (int i = 0; i < v.length; i++) {
            if (n(v[i]) > 0) {
                list.add(new ReportMapper.ScoreCount(i, v[i]));
            }
        }
        return list;
    }

    /**
     * The backlog at the window's {@code asOf}: a row whose tickets were all resolved before asOf (or
     * are still open) and all received more than 7 days before it adds its open tickets as they are;
     * the other days (the last week, and days with a ticket resolved after asOf) are counted from the
     * ticket rows, a range of days at a time.
     */
    private static ReportMapper.BacklogCounts backlog(KpiMapper m, ReportWindow p, LocalDate builtFrom) {
        java.time.ZoneId z = p.zone();
        LocalDate lastDay = LocalDate.ofInstant(p.asOf(), z);
        java.util.SortedSet<LocalDate> detail = new java.util.TreeSet<>();
        List<KpiMapper.BacklogRow> rows = new ArrayList<>(m.backlogRows(p, lastDay));
        List<LocalDate[]> ranges = new ArrayList<>();
        if (builtFrom != null) {
            // days not built yet: their open tickets are counted from the ticket rows, all at once
            rows.removeIf(r -> r.reportDay().isBefore(builtFrom));
            ranges.add(new LocalDate[] {LocalDate.EPOCH, builtFrom.minusDays(1)});
        }
        for (KpiMapper.BacklogRow r : rows) {
            Instant end = r.reportDay().plusDays(1).atStartOfDay(z).toInstant();
            if ((r.resolvedMax() != null && !r.resolvedMax().isBefore(p.asOf())) || end.isAfter(p.day7())) {
                detail.add(r.reportDay());
            }
        }
        long count = 0, under1 = 0, one3 = 0, three7 = 0, over7 = 0;
        java.math.BigDecimal epochs = java.math.BigDecimal.ZERO;
        Instant oldest = null;
        for (KpiMapper.BacklogRow r : rows) {
            if (!detail.contains(r.reportDay()) && r.openCount() > 0) {
                count += r.openCount();
                over7 += r.openCount();
                epochs = epochs.add(r.openEpochSum());
                oldest = oldest == null || r.openMinReceived().isBefore(oldest) ? r.openMinReceived() : oldest;
            }
        }
        LocalDate rangeStart = null;
        LocalDate previous = null;
        for (LocalDate d : detail) {
            if (previous == null || !d.equals(previous.plusDays(1))) {
                if (rangeStart != null) {
                    ranges.add(new LocalDate[] {rangeStart, previous});
                }
                rangeStart = d;
            }
            previous = d;
        }
        if (rangeStart != null) {
            ranges.add(new LocalDate[] {rangeStart, previous});
        }
        for (LocalDate[] range : ranges) {
            KpiMapper.BacklogPart b = m.backlogDetail(p, range[0].atStartOfDay(z).toInstant(),
                    range[1].plusDays(1).atStartOfDay(z).toInstant());
            if (b == null || n(b.openTickets()) == 0) {
                continue;
            }
            count += b.openTickets();
            under1 += n(b.underOneDay());
            one3 += n(b.oneToThreeDays());
            three7 += n(b.threeToSevenDays());
            over7 += n(b.overSevenDays());
            epochs = epochs.add(b.epochSum());
            oldest = oldest == null || b.oldest().isBefore(oldest) ? b.oldest() : oldest;
        }
        Double average = count == 0 ? null
                : epochs.divide(java.math.BigDecimal.valueOf(count), java.math.MathContext.DECIMAL128).doubleValue();
        return new ReportMapper.BacklogCounts(count, oldest, average, under1, one3, three7, over7);
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
