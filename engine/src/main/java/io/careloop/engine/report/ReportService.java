package io.careloop.engine.report;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.report.rollup.KpiMapper;
import io.careloop.engine.report.rollup.KpiRollup;
import io.careloop.engine.report.rollup.RollupReader;
import io.careloop.engine.report.rollup.RollupStatus;
import io.careloop.engine.sla.Calendars;
import io.careloop.engine.sla.DueDateCalculator;
import io.careloop.engine.sla.SlaMode;
import io.careloop.engine.ticket.TicketScope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The KPIs of a period (docs/reports.md): counts and sums in SQL over indexed columns of the
 * ticket table, business-time durations in Java on the SLA's own calendars ({@link WorkingTimes}),
 * and the tickets behind each number. Reads only; reports change nothing.
 */
public final class ReportService {

    /** The numbers whose tickets {@link #tickets} lists. */
    public static final Set<String> DRILL_DOWNS = Set.of("received", "out", "resolved", "backlog", "reopened",
            "escalated", "first-response-met", "first-response-missed", "resolution-met", "resolution-missed",
            "complaints", "adverse-events", "surveyed");

    /** A page of the tickets behind a number; {@code nextCursor} null on the last page. */
    public record TicketPage(List<ReportTicket> items, String nextCursor) {
    }

    private final Transactions tx;
    private final Calendars calendars;
    private final Clock clock;
    private final KpiRollup rollup;

    public ReportService(Transactions tx, Calendars calendars, Clock clock) {
        this.tx = tx;
        this.calendars = calendars;
        this.clock = clock;
        this.rollup = new KpiRollup(tx, calendars, this::zone, clock);
    }

    /** The zone of the default business calendar: a report's days are that office's days. */
    public ZoneId zone() {
        return defaultTime().calendar().orElseThrow().zone();
    }

    /**
     * The KPIs with where they came from: {@code rollup} while the roll-up is built (or its build has
     * reached the period's first day), else {@code tickets}; and how far the roll-up's build is.
     */
    public record Answer(@com.fasterxml.jackson.annotation.JsonUnwrapped Kpis kpis, RollupStatus rollup,
                         String answeredFrom) {
    }

    public Kpis kpis(ReportFilter f, TicketScope scope) {
        return answer(f, scope).kpis();
    }

    /**
     * The KPIs of {@link #kpis} and the roll-up's state. While the roll-up is being built, a period
     * whose days are not all built yet is computed from the ticket rows: never a partial sum.
     */
    public Answer answer(ReportFilter f, TicketScope scope) {
        ReportWindow p = ReportWindow.of(f, zone(), clock.instant(), scope, null);
        RollupStatus status = rollup.refresh();
        if (rollupAnswers(f, scope) && status.zone().equals(p.zone().getId()) && status.covers(f.from())) {
            return new Answer(tx.read(s -> {
                RollupReader.Cohort c = RollupReader.read(s.getMapper(KpiMapper.class), p, status.builtFrom());
                ReportMapper m = s.getMapper(ReportMapper.class);
                return assemble(f, p, c.counts(), c.volumeOut(), c.backlog(), c.firstResponse(), c.resolution(), c.csat(),
                        c.nps(), c.surveyRate() != null ? c.surveyRate() : m.surveyResponseRate(p), c.complaints(),
                        c.adverseEvents());
            }), status, "rollup");
        }
        return new Answer(kpisFromTickets(f, scope), status, "tickets");
    }

    /**
     * The KPIs computed from the ticket rows, every duration on its calendar at read time: what the
     * roll-up must equal, and the answer for the filters it does not keep (agent, product, tier, a scope
     * by assignee).
     */
    public Kpis kpisFromTickets(ReportFilter f, TicketScope scope) {
        ReportWindow p = ReportWindow.of(f, zone(), clock.instant(), scope, null);
        return tx.read(s -> {
            ReportMapper m = s.getMapper(ReportMapper.class);
            ReportMapper.CohortCounts c = m.cohortCounts(p);
            WorkingTimes times = new WorkingTimes(m.pauses(p));
            Map<String, DueDateCalculator> calculators = new HashMap<>();
            m.clockFacts(p, r -> {
                ReportMapper.ClockFacts t = r.getResultObject();
                times.add(t, calculators.computeIfAbsent(t.slaMode() + "|" + t.slaCalendar(), k -> timeOf(t)));
            });
            return assemble(f, p, c, m.volumeOut(p), m.backlog(p), times.firstResponse(), times.resolution(),
                    m.scores(p, "csat"), m.scores(p, "nps"), m.surveyResponseRate(p), m.complaints(p), m.adverseEvents(p));
        });
    }

    /** The roll-up (V19): kept current before each KPI call, and by a tick on job-executor nodes. */
    public KpiRollup rollup() {
        return rollup;
    }

    /** The roll-up keeps days, queues and categories: a filter by agent, product or tier reads the tickets. */
    private static boolean rollupAnswers(ReportFilter f, TicketScope scope) {
        return f.agent() == null && f.product() == null && f.tier() == null && (scope.all() || scope.assignee() == null);
    }

    private Kpis assemble(ReportFilter f, ReportWindow p, ReportMapper.CohortCounts c, long volumeOut,
                          ReportMapper.BacklogCounts backlog, DurationStats firstResponse, DurationStats resolution,
                          List<ReportMapper.ScoreCount> csat, List<ReportMapper.ScoreCount> nps,
                          ReportMapper.SurveyCounts surveyRate, List<Kpis.Complaint> complaints,
                          List<Kpis.ClockStatusCount> adverseEvents) {
        return new Kpis(
                new Kpis.Period(f.from(), f.to(), p.zone().getId(), filters(f)),
                new Kpis.Volume(new Kpis.Count("received", c.received()), new Kpis.Count("out", volumeOut)),
                backlog(backlog, p),
                firstResponse,
                resolution,
                new Kpis.SlaCompliance(
                        Kpis.Rate.of("first-response-met", c.firstResponseMet(), c.firstResponseMet() + c.firstResponseMissed()),
                        Kpis.Rate.of("resolution-met", c.resolutionMet(), c.resolutionMet() + c.resolutionMissed())),
                new Kpis.Escalations(new Kpis.Count("escalated", c.escalated()), c.escalated() - c.escalatedToL3(),
                        c.escalatedToL3(), Kpis.percent(c.escalated(), c.received())),
                Kpis.Rate.of("reopened", c.reopened(), c.everResolved()),
                Kpis.Rate.of("resolved", c.resolved(), c.received()),
                csat(csat),
                nps(nps),
                surveyRate(surveyRate),
                complaints,
                adverseEvents);
    }

    /** A page of the tickets behind {@code kpi} (one of {@link #DRILL_DOWNS}), oldest receipt first. */
    public TicketPage tickets(ReportFilter f, String kpi, TicketScope scope, boolean withSubject, String cursor, int limit) {
        if (kpi == null || !DRILL_DOWNS.contains(kpi)) {
            throw new InvalidInputException("kpi", "kpi must be one of " + new java.util.TreeSet<>(DRILL_DOWNS));
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "limit must be between 1 and 200");
        }
        Object[] after = decode(cursor);
        ReportWindow p = ReportWindow.of(f, zone(), clock.instant(), scope, kpi);
        List<ReportTicket> rows = tx.read(s -> s.getMapper(ReportMapper.class)
                .tickets(p, withSubject, (Instant) after[0], (Long) after[1], limit + 1));
        if (rows.size() <= limit) {
            return new TicketPage(rows, null);
        }
        List<ReportTicket> page = new ArrayList<>(rows.subList(0, limit));
        ReportTicket last = page.get(limit - 1);
        return new TicketPage(page, encode(last));
    }

    /** Every ticket received in the period the caller may see, oldest first, one at a time. */
    public void exportTickets(ReportFilter f, TicketScope scope, boolean withSubject, Consumer<ReportTicket> sink) {
        ReportWindow p = ReportWindow.of(f, zone(), clock.instant(), scope, "received");
        tx.read(s -> {
            s.getMapper(ReportMapper.class).streamTickets(p, withSubject, null, null, r -> sink.accept(r.getResultObject()));
            return null;
        });
    }

    private DueDateCalculator timeOf(ReportMapper.ClockFacts t) {
        SlaMode mode = "calendar".equals(t.slaMode()) ? SlaMode.CALENDAR : SlaMode.BUSINESS;
        return tx.write(w -> calendars.calculator(w, mode, t.slaCalendar()));
    }

    private DueDateCalculator defaultTime() {
        return tx.write(w -> calendars.calculator(w, SlaMode.BUSINESS, null));
    }

    private static Kpis.Backlog backlog(ReportMapper.BacklogCounts b, ReportWindow p) {
        long asOf = p.asOf().getEpochSecond();
        Long average = b.averageReceivedEpoch() == null ? null : Math.round(asOf - b.averageReceivedEpoch());
        Long oldest = b.oldestReceivedAt() == null ? null : Duration.between(b.oldestReceivedAt(), p.asOf()).toSeconds();
        return new Kpis.Backlog("backlog", p.asOf().toString(), b.openTickets(), average, oldest, List.of(
                new Kpis.AgeBucket("under-1-day", b.underOneDay()),
                new Kpis.AgeBucket("1-3-days", b.oneToThreeDays()),
                new Kpis.AgeBucket("3-7-days", b.threeToSevenDays()),
                new Kpis.AgeBucket("over-7-days", b.overSevenDays())));
    }

    private static Kpis.Csat csat(List<ReportMapper.ScoreCount> scores) {
        Map<Integer, Long> distribution = distribution(scores, 1, 5);
        long n = 0;
        long sum = 0;
        for (Map.Entry<Integer, Long> e : distribution.entrySet()) {
            n += e.getValue();
            sum += e.getKey() * e.getValue();
        }
        Double average = n == 0 ? null : Math.round(sum * 100.0 / n) / 100.0;
        return new Kpis.Csat("surveyed", n, average, distribution);
    }

    private static Kpis.Nps nps(List<ReportMapper.ScoreCount> scores) {
        Map<Integer, Long> distribution = distribution(scores, 0, 10);
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        for (Map.Entry<Integer, Long> e : distribution.entrySet()) {
            if (e.getKey() >= 9) {
                promoters += e.getValue();
            } else if (e.getKey() >= 7) {
                passives += e.getValue();
            } else {
                detractors += e.getValue();
            }
        }
        long n = promoters + passives + detractors;
        Double score = n == 0 ? null : Math.round((promoters - detractors) * 10000.0 / n) / 100.0;
        return new Kpis.Nps("surveyed", n, promoters, passives, detractors, score, distribution);
    }

    private static Kpis.Rate surveyRate(ReportMapper.SurveyCounts s) {
        return Kpis.Rate.of("surveyed", s.responded(), s.invited());
    }

    /** Every score from {@code low} to {@code high}, zero where nobody gave it, so a chart has all bars. */
    private static Map<Integer, Long> distribution(List<ReportMapper.ScoreCount> scores, int low, int high) {
        Map<Integer, Long> d = new TreeMap<>();
        for (int i = low; i <= high; i++) {
            d.put(i, 0L);
        }
        for (ReportMapper.ScoreCount s : scores) {
            d.put(s.score(), s.responses());
        }
        return d;
    }

    private static Map<String, String> filters(ReportFilter f) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "team", f.team());
        put(m, "queue", f.queue());
        put(m, "agent", f.agent());
        put(m, "category", f.category() == null ? null : f.category().code());
        put(m, "product", f.product());
        put(m, "tier", f.tier() == null ? null : f.tier().code());
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String encode(ReportTicket last) {
        String raw = last.receivedAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new Object[] {null, null};
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Object[] {Instant.parse(parts[0]), Long.parseLong(parts[1])};
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "the cursor is not one this server issued");
        }
    }
}
