package io.careloop.engine.report.rollup;

import io.careloop.engine.background.Ticker;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.engine.report.ReportMapper;
import io.careloop.engine.report.WorkingTimes;
import io.careloop.engine.sla.Calendars;
import io.careloop.engine.sla.DueDateCalculator;
import io.careloop.engine.sla.SlaMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the KPI roll-up of V19 current (docs/reports.md, "Pre-aggregation"). Every ticket change made
 * through the application leaves a {@code kpi_dirty} row in its own transaction ({@link KpiChangeMarker});
 * {@link #refresh} takes those rows (and any ticket, audit or survey row written outside the application,
 * found by id above the last one seen), stores the changed tickets' business-time durations on the
 * ticket, and rebuilds the days those tickets touch. Runs before each KPI call, so a report sees every
 * change committed before it, and every few seconds on job-executor nodes. One refresh at a time per
 * database (the {@code kpi_state} row is locked). The first build (after V19, a new zone, a bulk load)
 * runs in the background, day by day and resumable ({@link RollupBuilder}); a KPI call never waits for it.
 */
public final class KpiRollup {

    private static final Logger LOG = LoggerFactory.getLogger(KpiRollup.class);
    private static final int STEP = 1000;
    /** More new rows than this since the last look (a bulk load): rebuild everything instead. */
    private static final long REBUILD_ABOVE = 50_000;

    private final Transactions tx;
    private final Calendars calendars;
    private final Supplier<ZoneId> zone;
    private final ReentrantLock lock = new ReentrantLock();
    private final RollupBuilder builder;
    private Ticker ticker;

    public KpiRollup(Transactions tx, Calendars calendars, Supplier<ZoneId> zone, java.time.Clock clock) {
        this.tx = tx;
        this.calendars = calendars;
        this.zone = zone;
        this.builder = new RollupBuilder(tx, this, clock);
    }

    /**
     * Brings the roll-up up to date: begins its build if it has none for the report zone (the build then
     * goes on in the background, {@link RollupBuilder}), and applies every change committed since the last
     * look to the days already built. Answers how far the build is; never waits for it.
     */
    public RollupStatus refresh() {
        ZoneId z = zone.get();
        lock.lock();
        try {
            KpiMapper.State seen = tx.read(r -> r.getMapper(KpiMapper.class).state());
            // the state row's lock only when there is something to do: while a build holds it day after
            // day, a KPI call that finds nothing changed does not queue behind it
            if (!((seen.built() && z.getId().equals(seen.zone())) || seen.building(z))) {
                tx.write(w -> ensure(w, z));
            }
            if (tx.read(r -> pending(r.getMapper(KpiMapper.class)))) {
                while (tx.write(w -> drainStep(w, z))) {
                    // one step per transaction, until nothing is left
                }
            }
            KpiMapper.State s = tx.read(r -> r.getMapper(KpiMapper.class).state());
            if (!(s.built() && z.getId().equals(s.zone()))) {
                builder.inBackground(z);
            }
            return RollupStatus.of(s, z);
        } finally {
            lock.unlock();
        }
    }

    /**
     * At start, on every node: begins the build if the roll-up has none for the report zone (an empty
     * database is built at once) and goes on with one under way in the background. Never waits for it.
     */
    public void resume() {
        ZoneId z = zone.get();
        KpiMapper.State s = tx.write(w -> ensure(w, z));
        if (s.building(z)) {
            builder.inBackground(z);
        }
    }

    /** How far the build is, read without refreshing (a status page polls this). */
    public RollupStatus status() {
        ZoneId z = zone.get();
        return RollupStatus.of(tx.read(r -> r.getMapper(KpiMapper.class).state()), z);
    }

    /** Refreshes every {@code every} in the background (job-executor nodes), so a report finds little to do. */
    public synchronized void start(Duration every) {
        if (ticker != null) {
            return;
        }
        ticker = Ticker.start("careloop-kpi-rollup", Duration.ZERO, every, this::refresh);
    }

    public synchronized void close() {
        builder.stop();
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
    }

    /**
     * Recomputes every stored duration and every day from the ticket rows on the calling thread, and
     * waits for it (ReportBench; an administrator's recount after editing a past holiday): begins a new
     * build and builds day by day as the background build does. If another node holds the build, waits
     * until that node has finished it.
     */
    public void rebuild(ZoneId z) {
        long t0 = System.nanoTime();
        tx.write(w -> {
            begin(w.mapper(KpiMapper.class), z);
            return null;
        });
        int days = buildDays(z, Integer.MAX_VALUE);
        while (!status().ready()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            days += buildDays(z, Integer.MAX_VALUE);
        }
        LOG.info("kpi roll-up rebuilt zone={} days={} in {} ms", z, days, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Begins a new build (the days are cleared and rebuilt newest first; until a period's days are built,
     * its KPIs come from the ticket rows). Does not build: the background builder or {@link #buildDays} does.
     */
    public RollupStatus beginRebuild() {
        ZoneId z = zone.get();
        return RollupStatus.of(tx.write(w -> begin(w.mapper(KpiMapper.class), z)), z);
    }

    /** Builds up to {@code maxDays} days of the build under way on the calling thread; answers how many it built. */
    public int buildDays(ZoneId z, int maxDays) {
        return builder.build(z, maxDays);
    }

    /** True while this node's background build is running (it stops when done or when another node holds it). */
    public boolean buildingHere() {
        return builder.running();
    }

    /** The name this node's builder holds the lease under. */
    public String node() {
        return builder.owner();
    }

    /** Begins a build for {@code z} unless one is under way or done. */
    private KpiMapper.State ensure(Tx w, ZoneId z) {
        KpiMapper m = w.mapper(KpiMapper.class);
        KpiMapper.State s = m.lockState();
        if ((s.built() && z.getId().equals(s.zone())) || s.building(z)) {
            return s;
        }
        return begin(m, z);
    }

    /**
     * Clears the roll-up and records the days to build: from the first receipt to the last activity now.
     * Rows written from here on are found by the marks (or their kpi_dirty rows) and their days rebuilt by
     * {@link #refresh}; an empty database is built at once.
     */
    private static KpiMapper.State begin(KpiMapper m, ZoneId z) {
        m.lockState();
        m.clear();
        m.clearComplaints();
        m.clearSurveys();
        Instant first = m.firstReceived();
        Instant last = m.lastActivity();
        KpiMapper.State s = first == null
                ? new KpiMapper.State(z.getId(), true, m.maxTicketId(), m.maxAuditId(), m.maxSurveyId(), null, null, null, null, null)
                : new KpiMapper.State(z.getId(), false, m.maxTicketId(), m.maxAuditId(), m.maxSurveyId(),
                        LocalDate.ofInstant(first, z), LocalDate.ofInstant(last, z), LocalDate.ofInstant(last, z), null, null);
        m.saveState(s);
        LOG.info("kpi roll-up build begun zone={} days={}..{}", z, s.buildFirst(), s.buildLast());
        return s;
    }

    /** True when a change is waiting: a kpi_dirty row, or a ticket, audit or survey row above the marks. */
    private static boolean pending(KpiMapper m) {
        KpiMapper.State s = m.state();
        return !m.dirty(1).isEmpty() || m.maxTicketId() > s.ticketMark() || m.maxAuditId() > s.auditMark()
                || m.maxSurveyId() > s.surveyMark();
    }

    /** One batch of changes; true when there may be more. */
    private boolean drainStep(Tx w, ZoneId z) {
        KpiMapper m = w.mapper(KpiMapper.class);
        KpiMapper.State s = m.lockState();
        long maxTicket = m.maxTicketId();
        long maxAudit = m.maxAuditId();
        long maxSurvey = m.maxSurveyId();
        if (maxTicket - s.ticketMark() > REBUILD_ABOVE) {
            begin(m, z);
            return false;
        }
        List<KpiMapper.Dirty> dirty = m.dirty(STEP);
        long ticketUpTo = Math.min(maxTicket, s.ticketMark() + STEP);
        long auditUpTo = Math.min(maxAudit, s.auditMark() + STEP);
        long surveyUpTo = Math.min(maxSurvey, s.surveyMark() + STEP);
        Set<Long> ids = new TreeSet<>(m.ticketsAfter(s.ticketMark(), ticketUpTo));
        ids.addAll(m.surveyTicketsAfter(s.surveyMark(), surveyUpTo));
        Set<String> numbers = new TreeSet<>(m.auditTicketsAfter(s.auditMark(), auditUpTo));
        for (KpiMapper.Dirty d : dirty) {
            if (d.ticketId() != null) {
                ids.add(d.ticketId());
            }
            if (d.number() != null) {
                numbers.add(d.number());
            }
        }
        Map<Long, KpiMapper.Clock> clocks = new LinkedHashMap<>();
        chunks(ids, c -> m.clocksById(c)).forEach(c -> clocks.put(c.id(), c));
        chunks(numbers, c -> m.clocksByNumber(c)).forEach(c -> clocks.put(c.id(), c));
        for (LocalDate day : store(w, clocks.values(), z, true)) {
            DayBuilder.rebuild(m, day, z);
        }
        if (!dirty.isEmpty()) {
            m.deleteDirty(dirty.stream().map(KpiMapper.Dirty::id).toList());
        }
        m.saveState(s.withMarks(ticketUpTo, auditUpTo, surveyUpTo));
        return dirty.size() == STEP || ticketUpTo < maxTicket || auditUpTo < maxAudit || surveyUpTo < maxSurvey;
    }

    /**
     * Stores each ticket's business-time durations and "resolved" day where they changed (the same
     * computation {@link WorkingTimes} makes: working time on the ticket's calendar minus its waits);
     * answers the days whose rows these tickets are counted in, before and after.
     */
    Set<LocalDate> store(Tx w, Collection<KpiMapper.Clock> clocks, ZoneId z, boolean surveyDays) {
        Set<LocalDate> days = new TreeSet<>();
        if (clocks.isEmpty()) {
            return days;
        }
        KpiMapper m = w.mapper(KpiMapper.class);
        Map<String, List<ReportMapper.PauseEvent>> pauses = new HashMap<>();
        List<String> numbers = clocks.stream().map(KpiMapper.Clock::number).toList();
        chunks(numbers, m::pauses).forEach(e -> pauses.computeIfAbsent(e.number(), k -> new ArrayList<>(2)).add(e));
        Map<String, DueDateCalculator> calculators = new HashMap<>();
        List<KpiMapper.Clock> changed = new ArrayList<>();
        for (KpiMapper.Clock c : clocks) {
            DueDateCalculator time = calculators.computeIfAbsent(c.slaMode() + "|" + c.slaCalendar(), k -> calendars
                    .calculator(w, "calendar".equals(c.slaMode()) ? SlaMode.CALENDAR : SlaMode.BUSINESS, c.slaCalendar()));
            List<ReportMapper.PauseEvent> mine = pauses.getOrDefault(c.number(), List.of());
            Long fr = c.firstRespondedAt() == null ? null : WorkingTimes.working(c.receivedAt(), c.firstRespondedAt(), mine, time);
            Long res = c.resolvedAt() == null ? null : WorkingTimes.working(c.receivedAt(), c.resolvedAt(), mine, time);
            LocalDate out = c.resolvedAt() == null ? null : LocalDate.ofInstant(c.resolvedAt(), z);
            if (!Objects.equals(fr, c.firstResponseBusinessS()) || !Objects.equals(res, c.resolutionBusinessS())
                    || !Objects.equals(out, c.kpiOutDay())) {
                changed.add(new KpiMapper.Clock(c.id(), null, null, null, null, null, null, fr, res, out));
            }
            days.add(LocalDate.ofInstant(c.receivedAt(), z));
            if (c.kpiOutDay() != null) {
                days.add(c.kpiOutDay());
            }
            if (out != null) {
                days.add(out);
            }
        }
        if (changed.size() == 1) {
            KpiMapper.Clock c = changed.get(0);
            m.setClocks(c.id(), c.firstResponseBusinessS(), c.resolutionBusinessS(), c.kpiOutDay());
        } else {
            for (int i = 0; i < changed.size(); i += 500) {
                m.setManyClocks(changed.subList(i, Math.min(changed.size(), i + 500)));
            }
        }
        if (surveyDays) {
            chunks(clocks.stream().map(KpiMapper.Clock::id).toList(), m::surveyTimes)
                    .forEach(at -> days.add(LocalDate.ofInstant(at, z)));
        }
        return days;
    }

    private static <T, R> List<R> chunks(Collection<T> all, Function<List<T>, List<R>> query) {
        List<R> result = new ArrayList<>();
        List<T> list = new ArrayList<>(all);
        for (int i = 0; i < list.size(); i += STEP) {
            result.addAll(query.apply(list.subList(i, Math.min(list.size(), i + STEP))));
        }
        return result;
    }
}
