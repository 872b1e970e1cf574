package io.careloop.engine.report.rollup;

import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the roll-up's days in the background (docs/reports.md, "Building the roll-up"): one day per
 * transaction, newest first, so the periods a dashboard opens (this month, last quarter) are ready
 * first. The transaction that writes a day also moves {@code kpi_state.build_next} past it, so a node
 * that stops or dies goes on (or another node goes on) at the next day, and no day is written twice.
 * One node at a time: the day's transaction holds the {@code kpi_state} row and a lease
 * ({@code lease_owner}, {@code lease_until}); another node takes over once the lease has run out.
 */
final class RollupBuilder {

    /** How long a node's claim on the build lasts without a new day written. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /**
     * The background build rests this long between two days, so that a refresh or a report waiting for
     * the state row gets it (H2 hands a released row lock to whoever asks first) and the node keeps serving.
     */
    static final Duration PAUSE = Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(RollupBuilder.class);

    /** What one step did. */
    enum Step { DAY, LAST_DAY, BUILT, HELD_ELSEWHERE, NOT_BEGUN }

    private final Transactions tx;
    private final KpiRollup rollup;
    private final Clock clock;
    private final String owner = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicReference<Thread> running = new AtomicReference<>();

    RollupBuilder(Transactions tx, KpiRollup rollup, Clock clock) {
        this.tx = tx;
        this.rollup = rollup;
        this.clock = clock;
    }

    boolean running() {
        return running.get() != null;
    }

    String owner() {
        return owner;
    }

    /** Goes on with the build in a thread of its own, unless this node is building already. */
    void inBackground(ZoneId z) {
        Thread t = new Thread(() -> {
            try {
                build(z, Integer.MAX_VALUE, PAUSE);
            } catch (RuntimeException e) {
                LOG.warn("kpi roll-up build stopped; the next refresh goes on with it", e);
            } finally {
                running.set(null);
            }
        }, "careloop-kpi-build");
        t.setDaemon(true);
        if (running.compareAndSet(null, t)) {
            t.start();
        }
    }

    /** Stops this node's build between two days and gives the lease back, so another node goes on at once. */
    void stop() {
        Thread t = running.get();
        if (t != null) {
            t.interrupt();
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            tx.write(w -> {
                KpiMapper m = w.mapper(KpiMapper.class);
                KpiMapper.State s = m.lockState();
                if (owner.equals(s.leaseOwner())) {
                    m.saveState(new KpiMapper.State(s.zone(), s.built(), s.ticketMark(), s.auditMark(), s.surveyMark(),
                            s.buildFirst(), s.buildLast(), s.buildNext(), null, null));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("kpi roll-up lease not given back (the database is closing); it runs out", e);
        }
    }

    /**
     * Builds up to {@code maxDays} days on the calling thread, one transaction each; answers the days it
     * built. Stops early when the roll-up is built, when another node holds the lease, or when interrupted.
     */
    int build(ZoneId z, int maxDays) {
        return build(z, maxDays, Duration.ZERO);
    }

    /** As {@link #build(ZoneId, int)}, resting {@code pause} between two days (the background build). */
    int build(ZoneId z, int maxDays, Duration pause) {
        int days = 0;
        long t0 = System.nanoTime();
        while (days < maxDays && !Thread.currentThread().isInterrupted()) {
            Step step = tx.write(w -> step(w, z));
            if (step == Step.DAY || step == Step.LAST_DAY) {
                days++;
            }
            if (step == Step.DAY && !pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (step != Step.DAY) {
                if (step == Step.LAST_DAY) {
                    LOG.info("kpi roll-up built zone={} node={} days={} in {} ms", z, owner, days,
                            (System.nanoTime() - t0) / 1_000_000);
                }
                break;
            }
        }
        return days;
    }

    /** One day: under the state row's lock, if the lease is free, ours or run out. */
    private Step step(Tx w, ZoneId z) {
        KpiMapper m = w.mapper(KpiMapper.class);
        KpiMapper.State s = m.lockState();
        if (s.built() && z.getId().equals(s.zone())) {
            return Step.BUILT;
        }
        if (!s.building(z)) {
            return Step.NOT_BEGUN;
        }
        Instant now = clock.instant();
        if (s.leaseOwner() != null && !owner.equals(s.leaseOwner()) && s.leaseUntil() != null && s.leaseUntil().isAfter(now)) {
            return Step.HELD_ELSEWHERE;
        }
        if (s.leaseOwner() != null && !owner.equals(s.leaseOwner())) {
            LOG.info("kpi roll-up build taken over node={} from={} next={}", owner, s.leaseOwner(), s.buildNext());
        }
        LocalDate day = s.buildNext();
        rollup.store(w, m.clocksReceived(day.atStartOfDay(z).toInstant(), day.plusDays(1).atStartOfDay(z).toInstant()), z, false);
        DayBuilder.rebuild(m, day, z);
        LocalDate next = day.minusDays(1);
        boolean last = next.isBefore(s.buildFirst());
        m.saveState(new KpiMapper.State(s.zone(), last, s.ticketMark(), s.auditMark(), s.surveyMark(), s.buildFirst(),
                s.buildLast(), last ? null : next, last ? null : owner, last ? null : now.plus(LEASE)));
        return last ? Step.LAST_DAY : Step.DAY;
    }
}
