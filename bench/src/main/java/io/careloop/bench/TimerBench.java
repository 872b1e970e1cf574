package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/**
 * A part of the {@link Suite}: how late SLA timers fire among many active ones, on a CareLoop node with
 * its job executor as configured (defaults, or the {@code CARELOOP_JOB_EXECUTOR_*} environment) on
 * {@code bench.db}. The timers are real: tickets opened through intake (ticket-lifecycle, four SLA
 * boundary timer jobs each, {@link TimerTickets}). First {@code bench.dueTimers} tickets are opened and
 * one SLA timer of each (warnings and breaches alternating) is made due {@code bench.timerLead} ahead:
 * the baseline, with no other timers but those tickets' own. Then tickets are opened until
 * {@code bench.timers} timer jobs are active, and another SLA timer of the same tickets is made due:
 * the figure. With {@code bench.dueSpread} (a duration) the timers of each phase fall due one after another,
 * evenly over that window, instead of at one moment: a steady rate instead of a burst.
 * Lateness = the start of the boundary event in Camunda's history minus the timer's due date.
 * Beside it, the job executor's own numbers (acquisitions, jobs per acquisition, CPU per timer).
 */
public final class TimerBench {

    private TimerBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        int active = Integer.getInteger("bench.timers", 10_000);
        int due = Integer.getInteger("bench.dueTimers", 1_000);
        Duration lead = Duration.parse(System.getProperty("bench.timerLead", "PT10S"));
        // 0: every due timer at one moment (a burst); more: due one after another, evenly over this window
        Duration spread = Duration.parse(System.getProperty("bench.dueSpread", "PT0S"));
        int threads = Integer.getInteger("bench.fillThreads", 4);
        // the active timers that never fall due: copied job rows (fast) or real tickets (bench.fill=intake)
        boolean copy = !"intake".equals(System.getProperty("bench.fill", "copy"));
        Path tmp = Files.createTempDirectory("careloop-suite-timers-");
        try (Databases dbs = new Databases(System.getProperty("bench.db", "h2"), tmp)) {
            Databases.Db db = dbs.create("careloop");
            Settings s = new Settings(0, tmp.resolve("node"), db.url(), db.user(), db.password(), 16,
                    tmp.resolve("plugins"), false, null, false, Duration.ofDays(7), Duration.ofMinutes(30),
                    Duration.ofHours(12), 4);
            try (CareLoop careLoop = CareLoop.start(s, Clock.systemUTC())) {
                ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) careLoop.processEngine()
                        .getProcessEngineConfiguration();
                DefaultJobExecutor jobs = (DefaultJobExecutor) cfg.getJobExecutor();
                System.out.printf("job executor: threads %d-%d, queue %d, %d jobs per acquisition, wait %d ms, max wait %d ms, "
                                + "lock %d ms; acquire by due date %s, timers first %s, due date never null %s%n",
                        jobs.getCorePoolSize(), jobs.getMaxPoolSize(), jobs.getQueueSize(), jobs.getMaxJobsPerAcquisition(),
                        jobs.getWaitTimeInMillis(), jobs.getMaxWait(), jobs.getLockTimeInMillis(),
                        cfg.isJobExecutorAcquireByDueDate(), cfg.isJobExecutorPreferTimerJobs(), cfg.isEnsureJobDueDateNotNull());
                TimerTickets tickets = new TimerTickets(careLoop);
                long t0 = System.nanoTime();
                List<TimerTickets.Made> dueTickets = tickets.open(due, threads);
                SuiteOutput.figure("timers.open_tickets_per_s", due / report("made", due, t0));
                JobExecutorStats stats = new JobExecutorStats(jobs);
                jobs.start();
                stats.nameJobThreads(jobs);
                try {
                    phase("baseline", careLoop, tickets, stats, dueTickets, i -> TimerTickets.SLA_TIMERS.get(i % 2), lead, spread);
                    long missing = Math.max(0, active - tickets.timerJobs());
                    t0 = System.nanoTime();
                    if (copy) {
                        tickets.copyTimers((int) missing);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        System.out.printf("filled with %,d copied timer job rows in %.1f s%n", missing, seconds);
                        SuiteOutput.figure("timers.copied", missing);
                    } else {
                        int more = (int) Math.ceil(missing / 4.0);
                        tickets.open(more, threads);
                        double seconds = report("filled", more, t0);
                        SuiteOutput.figure("timers.fill_tickets_per_s", more / seconds);
                    }
                    SuiteOutput.figure("timers.active", tickets.timerJobs());
                    System.gc();
                    SuiteOutput.figure("timers.heap_used_mb", usedHeapMb());
                    phase("active", careLoop, tickets, stats, dueTickets, i -> TimerTickets.SLA_TIMERS.get(2 + i % 2), lead, spread);
                } finally {
                    jobs.shutdown();
                }
            }
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double report(String what, int count, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s %,d tickets in %.1f s (%.0f/s, %,d per transaction)%n", what, count, seconds, count / seconds,
                TimerTickets.BATCH);
        return seconds;
    }

    private static void phase(String name, CareLoop careLoop, TimerTickets tickets, JobExecutorStats stats,
                              List<TimerTickets.Made> dueTickets, java.util.function.IntFunction<String> timerOf,
                              Duration lead, Duration spread) throws Exception {
        long activeTimers = tickets.timerJobs();
        Date dueAt = new Date(System.currentTimeMillis() + lead.toMillis());
        int n = dueTickets.size();
        long m0 = System.currentTimeMillis();
        Map<String, Date> instances = tickets.makeDue(dueTickets, timerOf,
                i -> new Date(dueAt.getTime() + spread.toMillis() * i / Math.max(1, n)));
        Date lastDue = instances.values().stream().max(Date::compareTo).orElse(dueAt);
        long moved = System.currentTimeMillis();
        if (moved > dueAt.getTime()) {
            System.out.printf("WARNING: making the timers due took %d ms, past their due date%n", moved - m0);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.explain", "true"))) {
            AcquisitionPlan.print(careLoop.database().dataSource(), dueAt);
        }
        JobExecutorStats.Reading before = stats.read();
        long deadline = lastDue.getTime() + Duration.ofMinutes(10).toMillis();
        long left;
        do {
            Thread.sleep(250);
            left = count(careLoop, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ <= ?", lastDue);
        } while ((left > 0 || System.currentTimeMillis() <= lastDue.getTime()) && System.currentTimeMillis() < deadline);
        JobExecutorStats.Reading used = stats.read().since(before);
        Thread.sleep(1000); // a late duplicate would show here
        Lateness late = lateness(careLoop, instances, dueAt);
        Histogram h = late.histogram();
        double drainSeconds = (late.lastFiredMillis() - late.firstFiredMillis()) / 1e3;
        System.out.printf("%s (%,d timer jobs active): %,d of %,d due timers fired (made due in %.1f s; due %s), lateness p50 %d ms, "
                        + "p99 %d ms, max %d ms, fired twice %d; first to last fired in %.1f s (%.0f timers/s)%n",
                name, activeTimers, h.getTotalCount(), instances.size(), (moved - m0) / 1e3,
                spread.isZero() ? "at one moment" : String.format("evenly over %d s, %.1f/s", spread.toSeconds(),
                        instances.size() / (double) Math.max(1, spread.toSeconds())), h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), h.getMaxValue(), late.duplicates(), drainSeconds, h.getTotalCount() / Math.max(drainSeconds, 1e-3));
        double perAcquisition = used.acquisitions() == 0 ? 0 : (double) used.acquired() / used.acquisitions();
        double cpuPerTimer = h.getTotalCount() == 0 ? 0 : used.cpuNanos() / 1e6 / h.getTotalCount();
        System.out.printf("%s job executor: %,d acquisitions (%,d full), %.1f jobs per acquisition, acquisition query %.1f ms "
                        + "on average, executor threads' CPU %.1f ms per timer%n", name, used.acquisitions(),
                used.fullAcquisitions(), perAcquisition, used.acquisitions() == 0 ? 0 : used.acquireNanos() / 1e6 / used.acquisitions(),
                cpuPerTimer);
        String k = "timers." + name + ".";
        SuiteOutput.figure(k + "active", activeTimers);
        SuiteOutput.figure(k + "fired", h.getTotalCount());
        SuiteOutput.figure(k + "due", instances.size());
        SuiteOutput.figure(k + "due_spread_s", spread.toSeconds());
        SuiteOutput.figure(k + "late_p50_ms", h.getValueAtPercentile(50));
        SuiteOutput.figure(k + "late_p99_ms", h.getValueAtPercentile(99));
        SuiteOutput.figure(k + "late_max_ms", h.getMaxValue());
        SuiteOutput.figure(k + "duplicates", late.duplicates());
        SuiteOutput.figure(k + "drain_s", drainSeconds);
        SuiteOutput.figure(k + "timers_per_s", h.getTotalCount() / Math.max(drainSeconds, 1e-3));
        SuiteOutput.figure(k + "acquisitions", used.acquisitions());
        SuiteOutput.figure(k + "jobs_per_acquisition", perAcquisition);
        SuiteOutput.figure(k + "acquire_ms", used.acquisitions() == 0 ? 0 : used.acquireNanos() / 1e6 / used.acquisitions());
        SuiteOutput.figure(k + "cpu_ms_per_timer", cpuPerTimer);
    }

    /** Lateness of each moved timer (against its own due date), read from the start of its boundary event in Camunda's history. */
    record Lateness(Histogram histogram, int duplicates, long firstFiredMillis, long lastFiredMillis) {
    }

    private static Lateness lateness(CareLoop careLoop, Map<String, Date> instances, Date dueAt) throws Exception {
        Histogram h = new Histogram(3_600_000L, 3);
        Map<String, Integer> seen = new HashMap<>();
        int duplicates = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        try (Connection c = careLoop.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT PROC_INST_ID_, ACT_ID_, START_TIME_ FROM ACT_HI_ACTINST "
                     + "WHERE START_TIME_ >= ? AND ACT_ID_ IN (?, ?, ?, ?)")) {
            ps.setTimestamp(1, new Timestamp(dueAt.getTime()));
            for (int i = 0; i < 4; i++) {
                ps.setString(2 + i, TimerTickets.SLA_TIMERS.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = instances.get(rs.getString(1));
                    if (due == null) {
                        continue;
                    }
                    if (seen.merge(rs.getString(1) + "/" + rs.getString(2), 1, Integer::sum) > 1) {
                        duplicates++;
                        continue;
                    }
                    long at = rs.getTimestamp(3).getTime();
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                    h.recordValue(Math.max(0, at - due.getTime()));
                }
            }
        }
        return new Lateness(h, duplicates, first == Long.MAX_VALUE ? 0 : first, last);
    }

    private static long count(CareLoop careLoop, String sql, Date at) throws Exception {
        try (Connection c = careLoop.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, new Timestamp(at.getTime()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }
}
