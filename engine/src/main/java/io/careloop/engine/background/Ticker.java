package io.careloop.engine.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a node repeats in the background on a daemon thread of its own, a fixed delay after each run
 * ends: the queue-count fold, the KPI roll-up, plugin polls, weekly reports, retention. A run that
 * throws is logged and the next one tries again.
 *
 * <p>{@link #close} lets a run in progress finish instead of interrupting it: on H2 an interrupt
 * during file I/O closes the file channel, and without H2's {@code retry:} file system the whole
 * database with it (InterruptedThreadIT); and a run stopped half way is only done again later.
 */
public final class Ticker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);
    /** How long {@link #close} waits for a run in progress. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final ScheduledExecutorService thread;

    private Ticker(String name, ScheduledExecutorService thread) {
        this.name = name;
        this.thread = thread;
    }

    /**
     * Runs {@code task} on a daemon thread called {@code name}: first after {@code firstAfter}, then
     * {@code every} after each run ends.
     */
    public static Ticker start(String name, Duration firstAfter, Duration every, Runnable task) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("background.run-failed task={} (the next run tries again)", name, e);
            }
        }, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new Ticker(name, thread);
    }

    /** No run starts any more; waits up to {@link #STOP_WAIT} for the one in progress to end. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("background.stop-timeout task={} waited={} (left to end on its own)", name, STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
