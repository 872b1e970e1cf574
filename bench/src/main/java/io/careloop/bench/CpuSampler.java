package io.careloop.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Samples the machine's and this JVM's CPU use while a phase runs, so that the report shows when
 * other processes competed for the cores (a shared machine makes every number here smaller).
 */
final class CpuSampler {

    /**
     * Mean shares of the whole machine (1.0 = every core busy) used by this JVM and by everything
     * else, and the CPU time this JVM spent (all its threads: workers, HTTP, GC, JIT). Then the CPU
     * time and the heap allocation of the Java threads alone (workers, HTTP, H2; not GC, JIT or the
     * profiler): on a shared machine these vary less from run to run, the allocation least of all.
     */
    record Usage(double self, double others, long processCpuNanos, long javaThreadCpuNanos, long allocatedBytes) {

        Usage plus(long cpuNanos, long bytes) {
            return new Usage(self, others, processCpuNanos, javaThreadCpuNanos + cpuNanos, allocatedBytes + bytes);
        }
    }

    private static final long PERIOD_MILLIS = 250;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final com.sun.management.OperatingSystemMXBean os;
    private final Thread thread;
    private final long cpuAtStart;
    private final Set<Long> excluded;
    private final Map<Long, long[]> threadsAtStart;
    private volatile boolean running = true;
    private double selfSum;
    private double systemSum;
    private int samples;

    private CpuSampler(com.sun.management.OperatingSystemMXBean os, Set<Long> excluded) {
        this.os = os;
        this.excluded = excluded;
        this.threadsAtStart = javaThreads();
        this.cpuAtStart = os.getProcessCpuTime();
        os.getCpuLoad(); // the first reading of each only starts the interval
        os.getProcessCpuLoad();
        this.thread = new Thread(this::loop, "bench-cpu-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts sampling. The threads in {@code excluded} (the phase's workers, which end before
     * {@link #stop}) are left out of the Java-thread figures: they measure themselves ({@link #ownCpuNanos}).
     */
    static CpuSampler start(Set<Long> excluded) {
        return new CpuSampler((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean(), excluded);
    }

    /** The calling thread's CPU time and allocated bytes so far. */
    static long[] own() {
        return new long[] {THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadAllocatedBytes()};
    }

    /** CPU time and allocated bytes of every live Java thread but the excluded, by thread id. */
    private Map<Long, long[]> javaThreads() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, long[]> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (!excluded.contains(ids[i]) && cpu[i] >= 0 && bytes[i] >= 0) {
                out.put(ids[i], new long[] {cpu[i], bytes[i]});
            }
        }
        return out;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            double system = os.getCpuLoad();
            double self = os.getProcessCpuLoad();
            if (system >= 0 && self >= 0) {
                synchronized (this) {
                    systemSum += system;
                    selfSum += self;
                    samples++;
                }
            }
        }
    }

    Usage stop() {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        // threads that ended during the phase are missing here: the pools the bench uses keep theirs
        long threadCpu = 0;
        long allocated = 0;
        for (Map.Entry<Long, long[]> e : javaThreads().entrySet()) {
            long[] before = threadsAtStart.getOrDefault(e.getKey(), new long[2]);
            threadCpu += e.getValue()[0] - before[0];
            allocated += e.getValue()[1] - before[1];
        }
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (samples == 0) {
                return new Usage(Double.NaN, Double.NaN, cpu, threadCpu, allocated);
            }
            double self = selfSum / samples;
            double system = systemSum / samples;
            return new Usage(self, Math.max(0, system - self), cpu, threadCpu, allocated);
        }
    }
}
