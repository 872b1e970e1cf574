package io.careloop.engine.plugin;

import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Isolation of plugin code: every call into a plugin runs on a worker thread of its own with the
 * plugin's class loader as context loader and a time limit. A call that throws, or that runs past
 * its limit (its thread is then interrupted), is recorded as an incident and reported to the
 * caller as a {@link PluginCallException}; the engine's own threads never run plugin code, so a
 * plugin that hangs holds one worker thread, not the engine.
 */
public final class PluginCalls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCalls.class);

    private final Transactions tx;
    private final Clock clock;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "plugin-call-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public PluginCalls(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Thrown when a plugin call failed or timed out; the incident is already recorded. */
    public static final class PluginCallException extends Exception {
        private final boolean timedOut;

        PluginCallException(String message, Throwable cause, boolean timedOut) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    /**
     * Runs {@code work} for {@code pluginId} within {@code limit}.
     *
     * @param operation what the call does, for the incident, e.g. {@code poll io.acme.MailSource}
     */
    public <T> T call(String pluginId, String operation, ClassLoader loader, Duration limit, Callable<T> work)
            throws PluginCallException {
        Future<T> f = workers.submit(() -> {
            Thread me = Thread.currentThread();
            ClassLoader before = me.getContextClassLoader();
            me.setContextClassLoader(loader);
            try {
                return work.call();
            } finally {
                me.setContextClassLoader(before);
            }
        });
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            String message = operation + " ran past its time limit of " + limit + " and was interrupted";
            record(pluginId, operation, "timeout", message);
            throw new PluginCallException(message, e, true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = operation + " failed: " + cause;
            record(pluginId, operation, "error", message);
            throw new PluginCallException(message, cause, false);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException(operation + " was interrupted: the host is stopping", e, false);
        }
    }

    private void record(String pluginId, String operation, String kind, String message) {
        String m = message.length() > 2000 ? message.substring(0, 2000) : message;
        LOG.warn("plugin.incident plugin={} kind={} operation={}", pluginId, kind, operation);
        try {
            tx.read(s -> {
                s.getMapper(PluginMapper.class).insertIncident(new PluginIncident(null, pluginId, operation, kind, m,
                        clock.instant()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("plugin.incident-not-recorded plugin={} cause={}", pluginId, e.toString());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
