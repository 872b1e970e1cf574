package io.careloop.bench;

import java.lang.management.ManagementFactory;

/**
 * Samples the machine's and this JVM's CPU use while a phase runs, so that the report shows when
 * other processes competed for the cores (a shared machine makes every number here smaller).
 */
final class CpuSampler {

    /**
     * Mean shares of the whole machine (1.0 = every core busy) used by this JVM and by everything
     * else, and the CPU time this JVM spent (all its threads: workers, HTTP, GC, JIT).
     */
    record Usage(double self, double others, long processCpuNanos) {
    }

    private static final long PERIOD_MILLIS = 250;

    private final com.sun.management.OperatingSystemMXBean os;
    private final Thread thread;
    private final long cpuAtStart;
    private volatile boolean running = true;
    private double selfSum;
    private double systemSum;
    private int samples;

    private CpuSampler(com.sun.management.OperatingSystemMXBean os) {
        this.os = os;
        this.cpuAtStart = os.getProcessCpuTime();
        os.getCpuLoad(); // the first reading of each only starts the interval
        os.getProcessCpuLoad();
        this.thread = new Thread(this::loop, "bench-cpu-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static CpuSampler start() {
        return new CpuSampler((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean());
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
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (samples == 0) {
                return new Usage(Double.NaN, Double.NaN, cpu);
            }
            double self = selfSum / samples;
            double system = systemSum / samples;
            return new Usage(self, Math.max(0, system - self), cpu);
        }
    }
}
