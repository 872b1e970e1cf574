package io.careloop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultAcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/**
 * The job executor's own numbers, which a busy machine disturbs less than lateness: acquisition
 * cycles and the jobs each locked (counted by wrapping the executor's acquisition command; the
 * command and its settings are CareLoop's), the time the acquisition query took, and the CPU time
 * of the executor's threads (the acquisition thread and the job threads, named here) per fired job.
 */
final class JobExecutorStats {

    static final String JOB_THREAD = "careloop-job-";

    private final AtomicLong acquisitions = new AtomicLong();
    private final AtomicLong acquired = new AtomicLong();
    private final AtomicLong acquireNanos = new AtomicLong();
    private final AtomicLong fullAcquisitions = new AtomicLong();
    private final AtomicLong endedCpu = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** Wraps the acquisition and names the job threads; call before {@code start()}. */
    JobExecutorStats(DefaultJobExecutor executor) {
        AcquireJobsCommandFactory original = executor.getAcquireJobsCmdFactory() != null
                ? executor.getAcquireJobsCmdFactory() : new DefaultAcquireJobsCommandFactory(executor);
        executor.setAcquireJobsCmdFactory(numJobs -> counting(original.getCommand(numJobs), numJobs));
    }

    /**
     * After {@code start()}: the pool makes its threads lazily, so they get the name here; a thread
     * above the core size ends when idle, and leaves its CPU time behind in {@code endedCpu}.
     */
    void nameJobThreads(DefaultJobExecutor executor) {
        AtomicInteger n = new AtomicInteger();
        executor.getThreadPoolExecutor().setThreadFactory(r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    endedCpu.addAndGet(threads.getCurrentThreadCpuTime());
                }
            }, JOB_THREAD + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private Command<AcquiredJobs> counting(Command<AcquiredJobs> command, int numJobs) {
        return ctx -> {
            long t0 = System.nanoTime();
            AcquiredJobs jobs = command.execute(ctx);
            acquireNanos.addAndGet(System.nanoTime() - t0);
            acquisitions.incrementAndGet();
            acquired.addAndGet(jobs.size());
            if (jobs.size() >= numJobs) {
                fullAcquisitions.incrementAndGet();
            }
            return jobs;
        };
    }

    /** A reading of the counters; {@link #since} makes the difference of two. */
    record Reading(long acquisitions, long acquired, long fullAcquisitions, long acquireNanos, long cpuNanos, long wallNanos) {
        Reading since(Reading before) {
            return new Reading(acquisitions - before.acquisitions, acquired - before.acquired,
                    fullAcquisitions - before.fullAcquisitions, acquireNanos - before.acquireNanos,
                    cpuNanos - before.cpuNanos, wallNanos - before.wallNanos);
        }
    }

    Reading read() {
        return new Reading(acquisitions.get(), acquired.get(), fullAcquisitions.get(), acquireNanos.get(), executorCpu(),
                System.nanoTime());
    }

    /** CPU time of the acquisition thread (Camunda names it JobExecutor[…]) and of the job threads. */
    private long executorCpu() {
        long sum = endedCpu.get();
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info != null && (info.getThreadName().startsWith(JOB_THREAD) || info.getThreadName().startsWith("JobExecutor["))) {
                long cpu = threads.getThreadCpuTime(id);
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }
}
