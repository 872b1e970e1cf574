package io.careloop.engine.config;

import java.time.Duration;

/**
 * Sizing of Camunda's job executor on this node (docs/operations.md, "Job executor"). Read by
 * {@link SettingsLoader#jobExecutor} from {@code careloop.job-executor.*} properties or the
 * {@code CARELOOP_JOB_EXECUTOR_*} environment variables.
 *
 * @param coreThreads       threads kept running
 * @param maxThreads        threads at most (each holds a pool connection while it runs a job)
 * @param queueSize         acquired jobs waiting for a thread; a full queue makes acquisition back off
 * @param maxJobsPerAcquisition jobs one acquisition locks for this node
 * @param lockTime          how long a node owns an acquired job: longer than any job can run, or it runs twice
 * @param waitTime          how long acquisition sleeps when it found no job due
 * @param maxWait           the longest back-off of acquisition when the queue is full or nothing is due
 */
public record JobExecutorSettings(int coreThreads, int maxThreads, int queueSize, int maxJobsPerAcquisition,
                                  Duration lockTime, Duration waitTime, Duration maxWait) {

    /** The defaults (also in careloop-defaults.properties). */
    public static final JobExecutorSettings DEFAULTS = new JobExecutorSettings(4, 8, 16, 16,
            Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(1));

    public JobExecutorSettings {
        if (coreThreads < 1 || maxThreads < coreThreads) {
            throw new IllegalArgumentException("job executor threads: need 1 <= core-threads <= max-threads, got "
                    + coreThreads + " and " + maxThreads);
        }
        if (queueSize < 1 || maxJobsPerAcquisition < 1) {
            throw new IllegalArgumentException("job executor queue-size and max-jobs-per-acquisition must be at least 1");
        }
        if (lockTime.compareTo(Duration.ofSeconds(10)) < 0 || lockTime.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("job executor lock-time must be 10 s to 24 days (longer than any job runs), got " + lockTime);
        }
        if (waitTime.isNegative() || waitTime.isZero() || maxWait.compareTo(waitTime) < 0) {
            throw new IllegalArgumentException("job executor: need 0 < wait-time <= max-wait, got " + waitTime + " and " + maxWait);
        }
    }
}
