package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.process.EngineSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A part of the {@link Suite}: how late timers fire among many active ones. A CareLoop node (its
 * engine, job executor sizing and acquisition settings, on {@code bench.db}) gets a process whose
 * only wait is a timer with a date, as an SLA timer of ticket-lifecycle. With the job executor
 * running, first {@code bench.dueTimers} timers each due {@code bench.timerLead} after it was made
 * fire among no other timer (the baseline); then {@code bench.timers} timers due in 30 days are
 * made (the active SLA timers of a large installation), and again {@code bench.dueTimers} due
 * ones. Lateness = the moment the timer's job ran minus its due date. Prints {@code @@} figures.
 */
public final class TimerBench {

    static final String PROCESS = "bench-sla-timer";

    /** Called by the process when its timer fired: records the lateness, once per instance. */
    public static final class Probe {
        private final Histogram lateMillis = new Histogram(3_600_000L, 3);
        private final Map<String, Integer> firedPerInstance = new ConcurrentHashMap<>();
        private final AtomicInteger duplicates = new AtomicInteger();

        public void fired(DelegateExecution execution) {
            long late = System.currentTimeMillis() - ((Date) execution.getVariable("dueAt")).getTime();
            if (firedPerInstance.merge(execution.getProcessInstanceId(), 1, Integer::sum) > 1) {
                duplicates.incrementAndGet();
            }
            synchronized (lateMillis) {
                lateMillis.recordValue(Math.max(0, late));
            }
        }

        synchronized void reset() {
            synchronized (lateMillis) {
                lateMillis.reset();
            }
            firedPerInstance.clear();
            duplicates.set(0);
        }

        long fired() {
            synchronized (lateMillis) {
                return lateMillis.getTotalCount();
            }
        }

        double percentile(double p) {
            synchronized (lateMillis) {
                return lateMillis.getValueAtPercentile(p);
            }
        }

        double max() {
            synchronized (lateMillis) {
                return lateMillis.getMaxValue();
            }
        }
    }

    private TimerBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        int active = Integer.getInteger("bench.timers", 10_000);
        int due = Integer.getInteger("bench.dueTimers", 1_000);
        Duration lead = Duration.parse(System.getProperty("bench.timerLead", "PT5S"));
        Path tmp = Files.createTempDirectory("careloop-suite-timers-");
        try (Databases dbs = new Databases(System.getProperty("bench.db", "h2"), tmp)) {
            Databases.Db db = dbs.create("careloop");
            Settings s = new Settings(0, tmp.resolve("node"), db.url(), db.user(), db.password(), 16,
                    tmp.resolve("plugins"), false, null, false, Duration.ofDays(7), Duration.ofMinutes(30),
                    Duration.ofHours(12), 4);
            try (CareLoop careLoop = CareLoop.start(s, Clock.systemUTC())) {
                ProcessEngine engine = careLoop.processEngine();
                Probe probe = new Probe();
                EngineSetup.addBean(engine, "timerProbe", probe);
                BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("due").timerWithDate("${dueAt}")
                        .serviceTask("fired").camundaExpression("${timerProbe.fired(execution)}")
                        .endEvent().done();
                engine.getRepositoryService().createDeployment().name("bench").addModelInstance(PROCESS + ".bpmn", model).deploy();
                ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
                JobExecutor jobs = cfg.getJobExecutor();
                jobs.start();
                try {
                    phase("baseline", engine, cfg.getCommandExecutorTxRequired(), probe, due, lead, 0);
                    long t0 = System.nanoTime();
                    make(engine, cfg.getCommandExecutorTxRequired(), active, i -> new Date(System.currentTimeMillis()
                            + Duration.ofDays(30).toMillis() + i));
                    double fillSeconds = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("made %,d active timers (due in 30 days) in %.1f s%n", active, fillSeconds);
                    SuiteOutput.figure("timers.active", engine.getManagementService().createJobQuery().timers().count());
                    phase("active", engine, cfg.getCommandExecutorTxRequired(), probe, due, lead, active);
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

    private static void phase(String name, ProcessEngine engine, CommandExecutor commands, Probe probe, int due,
                              Duration lead, int active) throws InterruptedException {
        probe.reset();
        long t0 = System.currentTimeMillis();
        make(engine, commands, due, i -> new Date(System.currentTimeMillis() + lead.toMillis()));
        long made = System.currentTimeMillis();
        long deadline = made + lead.toMillis() + Duration.ofMinutes(3).toMillis();
        while (probe.fired() < due && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000); // a late duplicate would show here
        System.out.printf("%s (%,d other active timers): %,d of %,d due timers fired (made in %.1f s), lateness p50 %.0f ms, "
                        + "p99 %.0f ms, max %.0f ms, fired twice %d%n", name, active, probe.fired(), due, (made - t0) / 1e3,
                probe.percentile(50), probe.percentile(99), probe.max(), probe.duplicates.get());
        SuiteOutput.figure("timers." + name + ".fired", probe.fired());
        SuiteOutput.figure("timers." + name + ".due", due);
        SuiteOutput.figure("timers." + name + ".late_p50_ms", probe.percentile(50));
        SuiteOutput.figure("timers." + name + ".late_p99_ms", probe.percentile(99));
        SuiteOutput.figure("timers." + name + ".late_max_ms", probe.max());
        SuiteOutput.figure("timers." + name + ".duplicates", probe.duplicates.get());
    }

    /** {@code count} instances waiting on their timer, 200 per transaction. */
    private static void make(ProcessEngine engine, CommandExecutor commands, int count,
                             java.util.function.IntFunction<Date> dueAt) {
        RuntimeService runtime = engine.getRuntimeService();
        for (int from = 0; from < count; from += 200) {
            int start = from;
            int end = Math.min(count, from + 200);
            commands.execute(ctx -> {
                for (int i = start; i < end; i++) {
                    runtime.startProcessInstanceByKey(PROCESS, Variables.createVariables().putValue("dueAt", dueAt.apply(i)));
                }
                return null;
            });
        }
    }
}
