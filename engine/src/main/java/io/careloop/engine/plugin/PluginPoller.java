package io.careloop.engine.plugin;

import io.careloop.engine.background.Ticker;
import io.careloop.engine.inbound.InboundItems;
import io.careloop.engine.process.Transactions;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.PollContext;
import io.careloop.plugin.api.SourceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled polling: every tick, each started plugin's sources that poll and are due are polled,
 * each call isolated by {@link PluginCalls}. A poll that throws or times out is recorded and the
 * source backs off (interval doubled per failure, up to a ceiling); the other sources go on.
 */
public final class PluginPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginPoller.class);

    private final PluginHost host;
    private final PluginCalls calls;
    private final ImportRuns runs;
    private final InboundItems inbound;
    private final Transactions tx;
    private final Clock clock;
    private final PluginHost.Limits limits;
    private Ticker ticker;
    private final ExecutorService pollers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "plugin-poll");
        t.setDaemon(true);
        return t;
    });

    public PluginPoller(PluginHost host, PluginCalls calls, ImportRuns runs, InboundItems inbound, Transactions tx,
                        Clock clock, PluginHost.Limits limits) {
        this.host = host;
        this.calls = calls;
        this.runs = runs;
        this.inbound = inbound;
        this.tx = tx;
        this.clock = clock;
        this.limits = limits;
    }

    /** Starts ticking in the background every {@code tick}. */
    public synchronized void start(Duration tick) {
        if (ticker != null) {
            return;
        }
        ticker = Ticker.start("plugin-poller", tick, tick, this::pollDue);
    }

    /**
     * Polls every source that is due now, one after another, and answers how many polls were made.
     * Each poll is bounded by the call time limit, so a tick always ends.
     */
    public int pollDue() {
        List<CompletableFuture<Void>> polls = new ArrayList<>();
        Instant now = clock.instant();
        for (String id : host.started()) {
            List<InboundSource> sources;
            PluginSettings settings;
            try {
                sources = new ArrayList<>(host.sources(id));
                settings = host.settingsOf(id);
            } catch (RuntimeException e) {
                LOG.warn("plugin.sources-unavailable plugin={} cause={}", id, e.toString());
                continue;
            }
            for (InboundSource source : sources) {
                Duration interval;
                try {
                    interval = source.pollInterval(settings);
                } catch (RuntimeException e) {
                    LOG.warn("plugin.poll-interval-failed plugin={} cause={}", id, e.toString());
                    continue;
                }
                if (interval == null) {
                    continue;
                }
                SourceHealth health = host.health(id, source);
                if (!health.due(now)) {
                    continue;
                }
                health.begin();
                // sources poll side by side: a slow one delays no other
                polls.add(CompletableFuture.runAsync(() -> poll(id, source, settings, interval, health), pollers));
            }
        }
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
        return polls.size();
    }

    private void poll(String id, InboundSource source, PluginSettings settings, Duration interval, SourceHealth health) {
        String name = source.getClass().getName();
        HostSink sink = new HostSink(id, inbound, () -> runs.pollRun(id));
        PollContext ctx = new Context(settings, sink, new DbSourceState(tx, id, name), clock);
        String error = null;
        try {
            calls.call(id, "poll " + name, host.loaderOf(id), limits.call(), () -> {
                source.poll(ctx);
                return null;
            });
        } catch (PluginCalls.PluginCallException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = e.toString();
        } finally {
            Instant done = clock.instant();
            if (error == null) {
                health.succeeded(done, interval);
            } else {
                health.failed(done, interval, limits.maxBackoff(), error);
                LOG.info("plugin.poll-backoff plugin={} failures={} next={}", id, health.failures(), health.nextAt());
            }
            RunRecorder used = sink.used();
            if (used != null) {
                used.flush(error, true);
            }
        }
    }

    private record Context(PluginSettings settings, IntakeSink sink, SourceState state, Clock clock) implements PollContext {
    }

    @Override
    public synchronized void close() {
        pollers.shutdownNow();
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
    }
}
