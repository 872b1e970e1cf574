package io.careloop.engine.report.rollup;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * database (the {@code kpi_state} row is locked).
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
    private ScheduledExecutorService ticker;

    public KpiRollup(Transactions tx, Calendars calendars, Supplier<ZoneId> zone) {
        this.tx = tx;
        this.calendars = calendars;
        this.zone = zone;
    }

    /** Brings the roll-up up to date (building it the first time); answers the zone its days are in. */
    public ZoneId refresh() {
        ZoneId z = zone.get();
        lock.lock();
        try {
            for (int round = 0; round < 2; round++) {
                KpiMapper.State s = tx.write(w -> w.mapper(KpiMapper.class).lockState());
                if (!s.built() || !z.getId().equals(s.zone())) {
                    rebuild(z);
                }
                while (tx.write(w -> drainStep(w, z))) {
                    // one step per transaction, until nothing is left
                }
                if (tx.write(w -> w.mapper(KpiMapper.class).lockState()).built()) {
                    break;
                }
            }
            return z;
        } finally {
            lock.unlock();
        }
    }

    /** Refreshes every {@code every} in the background (job-executor nodes), so a report finds little to do. */
    public synchronized void start(Duration every) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "careloop-kpi-rollup");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("kpi roll-up refresh failed; the next tick or report tries again", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
    }

    /** Recomputes every stored duration and every day from the ticket rows (first start after V19, a new zone, a bulk load). */
    public void rebuild(ZoneId z) {
        long t0 = System.nanoTime();
        Instant[] range = tx.write(w -> {
            KpiMapper m = w.mapper(KpiMapper.class);
            m.lockState();
            m.clear();
            m.clearComplaints();
            m.clearSurveys();
            m.saveState(new KpiMapper.State(z.getId(), false, m.maxTicketId(), m.maxAuditId(), m.maxSurveyId()));
            return new Instant[] {m.firstReceived(), m.lastActivity()};
        });
        if (range[0] != null) {
            LocalDate first = LocalDate.ofInstant(range[0], z);
            LocalDate last = LocalDate.ofInstant(range[1], z);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(7)) {
                LocalDate from = d;
                LocalDate to = d.plusDays(6).isAfter(last) ? last : d.plusDays(6);
                tx.write(w -> {
                    KpiMapper m = w.mapper(KpiMapper.class);
                    m.lockState();
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        Instant start = day.atStartOfDay(z).toInstant();
                        store(w, m.clocksReceived(start, day.plusDays(1).atStartOfDay(z).toInstant()), z, false);
                    }
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        DayBuilder.rebuild(m, day, z);
                    }
                    return null;
                });
            }
        }
        tx.write(w -> {
            KpiMapper m = w.mapper(KpiMapper.class);
            KpiMapper.State s = m.lockState();
            m.saveState(new KpiMapper.State(z.getId(), true, s.ticketMark(), s.auditMark(), s.surveyMark()));
            return null;
        });
        LOG.info("kpi roll-up rebuilt zone={} in {} ms", z, (System.nanoTime() - t0) / 1_000_000);
    }

    /** One batch of changes; true when there may be more. */
    private boolean drainStep(Tx w, ZoneId z) {
        KpiMapper m = w.mapper(KpiMapper.class);
        KpiMapper.State s = m.lockState();
        long maxTicket = m.maxTicketId();
        long maxAudit = m.maxAuditId();
        long maxSurvey = m.maxSurveyId();
        if (maxTicket - s.ticketMark() > REBUILD_ABOVE) {
            m.saveState(new KpiMapper.State(s.zone(), false, s.ticketMark(), s.auditMark(), s.surveyMark()));
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
        m.saveState(new KpiMapper.State(s.zone(), true, ticketUpTo, auditUpTo, surveyUpTo));
        return dirty.size() == STEP || ticketUpTo < maxTicket || auditUpTo < maxAudit || surveyUpTo < maxSurvey;
    }

    /**
     * Stores each ticket's business-time durations and "resolved" day where they changed (the same
     * computation {@link WorkingTimes} makes: working time on the ticket's calendar minus its waits);
     * answers the days whose rows these tickets are counted in, before and after.
     */
    private Set<LocalDate> store(Tx w, Collection<KpiMapper.Clock> clocks, ZoneId z, boolean surveyDays) {
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
