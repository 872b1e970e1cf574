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
        rebuildSurveys(m, day, start, end);
    }

    /** The survey facts of the day: scores given, tickets invited (distinct), answered, invited on other days too. */
    private static void rebuildSurveys(KpiMapper m, LocalDate day, Instant start, Instant end) {
        Map<String, SurveySlice> slices = new TreeMap<>();
        for (KpiMapper.SurveyFact f : m.surveyFactsOn(start, end)) {
            SurveySlice s = slices.computeIfAbsent(key(f.queue(), f.category()), k -> new SurveySlice(f.queue(), f.category()));
            if ("response".equals(f.kind())) {
                if (f.csat() != null && f.csat() >= 1 && f.csat() <= 5) {
                    s.csat[f.csat()]++;
                }
                if (f.nps() != null && f.nps() >= 0 && f.nps() <= 10) {
                    s.nps[f.nps()]++;
                }
            } else if ("invited".equals(f.kind()) && s.invited.add(f.ticketId())) {
                s.responded += f.answered() ? 1 : 0;
                s.multi += f.elsewhere() ? 1 : 0;
            }
        }
        m.deleteSurveyDay(day);
        for (SurveySlice s : slices.values()) {
            m.insertSurveyDay(day, s.queue, s.category, s.csat, s.nps, s.invited.size(), s.responded, s.multi);
        }
    }

    private static final class SurveySlice {
        final String queue;
        final String category;
        final int[] csat = new int[6];
        final int[] nps = new int[11];
        final java.util.Set<Long> invited = new java.util.HashSet<>();
        int responded;
        int multi;

        SurveySlice(String queue, String category) {
            this.queue = queue;
            this.category = category;
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
        int aeNot, aeAwaiting, aeOnTime, aeLate, aePending, out, open;
        Instant frMin, frMax, resMin, resMax, aeMin, aeMax, openMin, resolvedMax;
        java.math.BigDecimal openEpochs;
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
            if (t.resolvedAt() == null) {
                open++;
                openMin = min(openMin, t.receivedAt());
                java.math.BigDecimal epoch = java.math.BigDecimal.valueOf(t.receivedAt().getEpochSecond())
                        .add(java.math.BigDecimal.valueOf(t.receivedAt().getNano(), 9));
                openEpochs = openEpochs == null ? epoch : openEpochs.add(epoch);
            } else {
                resolvedMax = max(resolvedMax, t.resolvedAt());
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
                    aeOnTime, aeLate, aePending, aeMin, aeMax, out, open, openEpochs, openMin, resolvedMax, fr.pack(),
                    res.pack());
        }

        private static Instant min(Instant a, Instant b) {
            return a == null || b.isBefore(a) ? b : a;
        }

        private static Instant max(Instant a, Instant b) {
            return a == null || b.isAfter(a) ? b : a;
        }
    }
}
