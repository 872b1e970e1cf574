package io.careloop.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** What one scenario measured: latency per successful operation (µs) and the phase's wall time. */
final class Result {

    /** One measured round: its throughput and the share of the machine other processes used meanwhile. */
    record Round(int number, double throughput, double othersCpu) {
    }

    private final String id;
    private final String name;
    private final int threads;
    private final Histogram latencyMicros;
    private final long elapsedNanos;
    private final int errors;
    private final int measuredErrors;
    private final List<String> firstErrors;
    private final CpuSampler.Usage cpu;
    private final List<Round> rounds;
    private final List<String> checks = new ArrayList<>();
    private boolean checksPassed = true;

    Result(String id, String name, int threads, Histogram latencyMicros, long elapsedNanos, int errors,
           int measuredErrors, List<String> firstErrors, CpuSampler.Usage cpu, List<Round> rounds) {
        this.id = id;
        this.name = name;
        this.threads = threads;
        this.latencyMicros = latencyMicros;
        this.elapsedNanos = elapsedNanos;
        this.errors = errors;
        this.measuredErrors = measuredErrors;
        this.firstErrors = firstErrors;
        this.cpu = cpu;
        this.rounds = List.copyOf(rounds);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    int threads() {
        return threads;
    }

    /** Successful operations of the measured phase. */
    long count() {
        return latencyMicros.getTotalCount();
    }

    /** Successful operations per second of wall time in the measured phase. */
    double throughput() {
        return count() / (elapsedNanos / 1e9);
    }

    double percentileMillis(double p) {
        return latencyMicros.getValueAtPercentile(p) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }

    double meanMillis() {
        return latencyMicros.getMean() / 1000.0;
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    /** Failed operations, warm-up included. */
    int errors() {
        return errors;
    }

    int measuredErrors() {
        return measuredErrors;
    }

    List<String> firstErrors() {
        return firstErrors;
    }

    /** CPU use during the measured phase, as shares of the whole machine. */
    CpuSampler.Usage cpu() {
        return cpu;
    }

    /** The measured rounds in the order they ran. */
    List<Round> rounds() {
        return rounds;
    }

    /** CPU time of the whole JVM per successful operation, in ms (what a ticket costs, whatever the threads). */
    double cpuMillisPerOp() {
        return cpu.processCpuNanos() / 1e6 / Math.max(1, count());
    }

    /** CPU time of the JVM's Java threads alone per successful operation, in ms (no GC, JIT or profiler). */
    double javaThreadCpuMillisPerOp() {
        return cpu.javaThreadCpuNanos() / 1e6 / Math.max(1, count());
    }

    /** Heap allocated by the Java threads per successful operation, in KiB: the steadiest measure of work done. */
    double allocatedKibPerOp() {
        return cpu.allocatedBytes() / 1024.0 / Math.max(1, count());
    }

    /** Records a sanity check of the database after the run (and prints it). */
    void check(String what, boolean ok) {
        String line = (ok ? "ok   " : "FAIL ") + what;
        checks.add(line);
        checksPassed &= ok;
        System.out.println("(" + id + ") check: " + line);
    }

    List<String> checks() {
        return checks;
    }

    boolean checksPassed() {
        return checksPassed;
    }
}
