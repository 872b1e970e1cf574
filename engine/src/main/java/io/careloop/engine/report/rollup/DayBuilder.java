package io.careloop.engine.report.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the roll-up rows of one day from the ticket rows: every count of the KPI definitions in
 * docs/reports.md, applied to each ticket received that day, plus the tickets resolved that day.
 * Rebuilding a whole day (rather than adding and subtracting one ticket) keeps the rows exactly what
 * the definitions give, whatever changed.
 */
final class DayBuilder {

    private DayBuilder() {
    }

    static void rebuild(KpiMapper m, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Slice> slices = new TreeMap<>();
        Map<String, int[]> complaints = new TreeMap<>();
        for (KpiMapper.DayTicket t : m.dayTickets(start, end)) {
            slices.computeIfAbsent(key(t.queue(), t.category()), k -> new Slice(t.queue(), t.category())).add(t);
            if ("product-quality".equals(t.category())) {
                complaints.computeIfAbsent(nz(t.queue()) + "\u0000" + nz(t.product()) + "\u0000" + nz(t.lot()),
                        k -> new int[1])[0]++;
            }
        }
        for (KpiMapper.SliceCount c : m.resolvedOn(start, end)) {
            slices.computeIfAbsent(key(c.queue(), c.category()), k -> new Slice(c.queue(), c.category())).out += (int) c.n();
        }
        m.deleteDay(day);
        for (Slice s : slices.values()) {
            m.insertDay(s.row(day));
        }
        m.deleteComplaintDay(day);
        for (Map.Entry<String, int[]> e : complaints.entrySet()) {
            String[] k = e.getKey().split("\u0000", -1);
            m.insertComplaint(day, k[0], k[1], k[2], e.getValue()[0]);
        }
    }

    private static String key(String queue, String category) {
        return nz(queue) + "\u0000" + nz(category);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The counters of one queue and category on one day. */
    private static final class Slice {
        final String queue;
        final String category;
        int received, resolved, everResolved, reopened, escalated, escalatedL3;
        int frMet, frLate, frOpen, resMet, resLate, resOpen;
        int aeNot, aeAwaiting, aeOnTime, aeLate, aePending, out;
        Instant frMin, frMax, resMin, resMax, aeMin, aeMax;
        final Durations fr = new Durations();
        final Durations res = new Durations();

        Slice(String queue, String category) {
            this.queue = nz(queue);
            this.category = nz(category);
        }

        void add(KpiMapper.DayTicket t) {
            received++;
            boolean done = "resolved".equals(t.status()) || "closed".equals(t.status());
            resolved += done ? 1 : 0;
            everResolved += done || t.reopenCount() > 0 ? 1 : 0;
            reopened += t.reopenCount() > 0 ? 1 : 0;
            escalated += t.escalationLevel() >= 1 ? 1 : 0;
            escalatedL3 += t.escalationLevel() >= 2 ? 1 : 0;
            if (t.firstResponseDue() != null) {
                if (t.firstRespondedAt() != null) {
                    if (t.firstRespondedAt().isAfter(t.firstResponseDue())) {
                        frLate++;
                    } else {
                        frMet++;
                    }
                } else if (t.slaPausedAt() == null) {
                    frOpen++;
                    frMin = min(frMin, t.firstResponseDue());
                    frMax = max(frMax, t.firstResponseDue());
                }
            }
            if (t.resolutionDue() != null) {
                if (t.resolvedAt() != null) {
                    if (t.resolvedAt().isAfter(t.resolutionDue())) {
                        resLate++;
                    } else {
                        resMet++;
                    }
                } else if (t.slaPausedAt() == null) {
                    resOpen++;
                    resMin = min(resMin, t.resolutionDue());
                    resMax = max(resMax, t.resolutionDue());
                }
            }
            if (t.firstRespondedAt() != null && t.firstResponseBusinessS() != null) {
                fr.add(t.firstResponseBusinessS());
            }
            if (t.resolvedAt() != null && t.resolutionBusinessS() != null) {
                res.add(t.resolutionBusinessS());
            }
            if (t.adverseEventSuspected() || "adverse-event".equals(t.category())) {
                if ("not-adverse-event".equals(t.pvReview())) {
                    aeNot++;
                } else if (t.regulatoryDue() == null) {
                    aeAwaiting++;
                } else if (t.submittedAt() != null) {
                    if (t.submittedAt().isAfter(t.regulatoryDue())) {
                        aeLate++;
                    } else {
                        aeOnTime++;
                    }
                } else {
                    aePending++;
                    aeMin = min(aeMin, t.regulatoryDue());
                    aeMax = max(aeMax, t.regulatoryDue());
                }
            }
        }

        KpiDay row(LocalDate day) {
            return new KpiDay(day, queue, category, received, resolved, everResolved, reopened, escalated, escalatedL3,
                    frMet, frLate, frOpen, frMin, frMax, resMet, resLate, resOpen, resMin, resMax, aeNot, aeAwaiting,
                    aeOnTime, aeLate, aePending, aeMin, aeMax, out, fr.pack(), res.pack());
        }

        private static Instant min(Instant a, Instant b) {
            return a == null || b.isBefore(a) ? b : a;
        }

        private static Instant max(Instant a, Instant b) {
            return a == null || b.isAfter(a) ? b : a;
        }
    }
}
