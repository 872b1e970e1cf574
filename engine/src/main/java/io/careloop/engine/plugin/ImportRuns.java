package io.careloop.engine.plugin;

import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.inbound.InboundItems;
import io.careloop.engine.process.Transactions;
import io.careloop.plugin.api.ImportPreset;
import io.careloop.plugin.api.InboundSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import runs: an upload is stored to a file in the data directory (streamed, never held in
 * memory), a run row is made, and the plugin's importer reads the file on a worker thread
 * through {@link PluginCalls} while the API follows the counts and progress. Items the run
 * cannot take in are quarantined; {@link #replay} hands them (or corrected versions) to the
 * importer again as a new run. Re-importing the same file changes nothing: the ledger answers
 * every item as a duplicate.
 */
public final class ImportRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRuns.class);

    private final PluginHost host;
    private final PluginCalls calls;
    private final InboundItems inbound;
    private final Transactions tx;
    private final Clock clock;
    private final Path spool;
    private final PluginHost.Limits limits;
    private final Map<Long, RunRecorder> live = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "import-run");
        t.setDaemon(true);
        return t;
    });
    private final ImportRetry retry;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-retry");
        t.setDaemon(true);
        return t;
    });

    public ImportRuns(PluginHost host, PluginCalls calls, InboundItems inbound, Transactions tx, Clock clock,
                      Path dataDir, PluginHost.Limits limits) {
        this(host, calls, inbound, tx, clock, dataDir, limits, ImportRetry.DEFAULTS);
    }

    /** With the retry policy of runs that fail on a transient error. */
    public ImportRuns(PluginHost host, PluginCalls calls, InboundItems inbound, Transactions tx, Clock clock,
                      Path dataDir, PluginHost.Limits limits, ImportRetry retry) {
        this.retry = retry;
        this.host = host;
        this.calls = calls;
        this.inbound = inbound;
        this.tx = tx;
        this.clock = clock;
        this.spool = dataDir.resolve("imports");
        this.limits = limits;
    }

    /**
     * Starts importing {@code content} with plugin {@code pluginId}: returns the queued run at once.
     *
     * @param preset a preset of the plugin's importer, or null to let it detect the format
     */
    public ImportRun start(String pluginId, String fileName, String preset, InputStream content, String actor) {
        InboundSource source = importer(pluginId);
        checkPreset(source, preset);
        ImportRun run = insert(pluginId, fileName, preset, null, actor);
        Path file = spool.resolve("run-" + run.id() + ".upload");
        try {
            Files.createDirectories(spool);
            long size = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return submit(run, source, file, size);
        } catch (IOException e) {
            RunRecorder r = new RunRecorder(tx, clock, run);
            r.flush("the upload could not be stored: " + e.getMessage(), true);
            throw new IllegalStateException("cannot store the upload of run " + run.id(), e);
        }
    }

    /**
     * Replays quarantined items of run {@code runId} as a new run: each open rejection's raw input
     * (or, for {@code corrected}, the corrected text given for a rejection id) after the run's
     * preamble. The replayed rejections are marked replayed; those that fail again are
     * quarantined in the new run.
     *
     * @param only      rejection ids to replay; empty = every open rejection of the run
     * @param corrected rejection id to corrected raw text
     */
    public ImportRun replay(long runId, List<Long> only, Map<Long, String> corrected, String actor) {
        ImportRun original = find(runId);
        InboundSource source = importer(original.pluginId());
        List<Rejection> chosen = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Rejection> page = tx.read(s -> s.getMapper(ImportRunMapper.class).rejections(runId, from, 1000));
            if (page.isEmpty()) {
                break;
            }
            for (Rejection r : page) {
                if ("open".equals(r.state()) && (only.isEmpty() || only.contains(r.id()))) {
                    chosen.add(r);
                }
            }
            after = page.get(page.size() - 1).id();
        }
        for (Long id : corrected.keySet()) {
            if (chosen.stream().noneMatch(r -> r.id().equals(id))) {
                throw new InvalidInputException("corrected", "rejection " + id + " is not an open rejection of run " + runId);
            }
        }
        if (chosen.isEmpty()) {
            throw new ConflictException("run " + runId + " has no open rejections to replay");
        }
        ImportRun run = insert(original.pluginId(), original.fileName(), original.preset(), runId, actor);
        Path file = spool.resolve("run-" + run.id() + ".replay");
        try {
            Files.createDirectories(spool);
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (original.preamble() != null && !original.preamble().isEmpty()) {
                    out.write(original.preamble());
                    out.write("\r\n");
                }
                for (Rejection r : chosen) {
                    out.write(corrected.getOrDefault(r.id(), r.raw()));
                    out.write("\r\n");
                }
            }
            tx.read(s -> {
                for (Rejection r : chosen) {
                    s.getMapper(ImportRunMapper.class).markReplayed(r.id(), run.id());
                }
                return null;
            });
            return submit(run, source, file, Files.size(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the replay of run " + runId, e);
        }
    }

    /**
     * Resumes the runs a crash of this node left "queued" or "running": those whose upload is still
     * in this node's spool directory (a stop deletes it after writing the counts; a SIGKILL does
     * not). The run reads its file again from the start; the ledger answers what it took in before
     * the crash as duplicates, so its counts after the resume are: accepted = taken in now,
     * duplicate = taken in before (or earlier). A run whose file is not here belongs to another
     * node or lost its file, and is left alone. Answers the resumed runs.
     */
    public List<ImportRun> resumeInterrupted() {
        List<ImportRun> resumed = new ArrayList<>();
        for (ImportRun run : tx.read(s -> s.getMapper(ImportRunMapper.class).unfinished())) {
            if (live.containsKey(run.id())) {
                continue;
            }
            Path file = spool.resolve("run-" + run.id() + (run.replayOf() == null ? ".upload" : ".replay"));
            if (!Files.isRegularFile(file)) {
                continue;
            }
            ImportRun restart = new ImportRun(run.id(), run.pluginId(), run.fileName(), run.preset(), "queued", 0, 0, 0,
                    0, 0, 0, null, null, run.replayOf(), run.createdBy(), run.createdAt(), null, 0, null, run.attempts(), null);
            try {
                LOG.warn("import.resumed plugin={} run={} readBeforeCrash={} acceptedBeforeCrash={}", run.pluginId(),
                        run.id(), run.read(), run.accepted());
                resumed.add(submit(restart, importer(run.pluginId()), file, Files.size(file)));
            } catch (IOException | RuntimeException e) {
                new RunRecorder(tx, clock, restart).flush("could not resume after a stop: " + e.getMessage(), true);
            }
        }
        return resumed;
    }

    /** The run with its live counts while it goes on. */
    public ImportRun find(long runId) {
        RunRecorder r = live.get(runId);
        if (r != null) {
            return r.snapshot(null, false);
        }
        ImportRun run = tx.read(s -> s.getMapper(ImportRunMapper.class).find(runId));
        if (run == null) {
            throw new NotFoundException("no import run " + runId);
        }
        return run;
    }

    /** A page of the run's quarantined items, by id after {@code afterId}. */
    public List<Rejection> rejections(long runId, long afterId, int limit) {
        find(runId);
        return tx.read(s -> s.getMapper(ImportRunMapper.class).rejections(runId, afterId, limit));
    }

    /** Waits until the run is over (tests, the bench); false if it still runs after the wait. */
    public boolean await(long runId, long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (live.containsKey(runId) || isQueued(runId)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private boolean isQueued(long runId) {
        ImportRun r = tx.read(s -> s.getMapper(ImportRunMapper.class).find(runId));
        return r != null && ("queued".equals(r.status()) || "running".equals(r.status()));
    }

    /** A run for items a poll handed in; made on the poll's first item. */
    RunRecorder pollRun(String pluginId) {
        ImportRun run = insert(pluginId, null, "poll", null, "plugin:" + pluginId);
        RunRecorder r = new RunRecorder(tx, clock, run);
        r.running();
        return r;
    }

    private InboundSource importer(String pluginId) {
        host.get(pluginId);
        for (InboundSource s : host.sources(pluginId)) {
            if (s.imports()) {
                return s;
            }
        }
        throw new ConflictException("plugin " + pluginId + " is not started or imports no files");
    }

    private static void checkPreset(InboundSource source, String preset) {
        if (preset == null || preset.isBlank()) {
            return;
        }
        List<ImportPreset> presets = source.presets();
        if (presets.stream().noneMatch(p -> p.id().equals(preset))) {
            throw new InvalidInputException("preset", "unknown preset '" + preset + "'; this importer knows "
                    + presets.stream().map(ImportPreset::id).toList());
        }
    }

    private ImportRun insert(String pluginId, String fileName, String preset, Long replayOf, String actor) {
        String name = fileName == null ? null : Path.of(fileName).getFileName().toString();
        if (name != null && name.length() > 500) {
            name = name.substring(name.length() - 500);
        }
        ImportRun draft = new ImportRun(null, pluginId, name, preset == null || preset.isBlank() ? null : preset, "queued",
                0, 0, 0, 0, 0, 0, null, null, replayOf, actor, clock.instant(), null, 0, null, 1, null);
        GeneratedKey key = new GeneratedKey();
        tx.read(s -> {
            s.getMapper(ImportRunMapper.class).insert(draft, key);
            return null;
        });
        return tx.read(s -> s.getMapper(ImportRunMapper.class).find(key.getId()));
    }

    private ImportRun submit(ImportRun run, InboundSource source, Path file, long size) {
        RunRecorder recorder = new RunRecorder(tx, clock, run);
        recorder.progressTotal.set(size);
        live.put(run.id(), recorder);
        LOG.info("import.queued plugin={} run={} bytes={}", run.pluginId(), run.id(), size);
        workers.submit(() -> execute(run, source, file, size, recorder));
        return recorder.snapshot(null, false);
    }

    private void execute(ImportRun run, InboundSource source, Path file, long size, RunRecorder recorder) {
        String error = null;
        Throwable failure = null;
        try {
            recorder.running();
            HostSink sink = new HostSink(run.pluginId(), inbound, () -> recorder);
            try (InputStream in = new CountingInput(Files.newInputStream(file), n -> {
                if (!recorder.pluginReportsProgress) {
                    recorder.progressDone.set(n);
                }
            })) {
                RunContext ctx = new RunContext(in, run.fileName(), size, run.preset(), host.settingsOf(run.pluginId()),
                        sink, recorder, clock);
                calls.call(run.pluginId(), "import run " + run.id(), host.loaderOf(run.pluginId()), limits.importRun(), () -> {
                    source.importStream(ctx);
                    return null;
                });
            }
        } catch (PluginCalls.PluginCallException e) {
            error = e.getMessage();
            failure = e.timedOut() ? null : e.getCause();
        } catch (IOException | RuntimeException e) {
            error = e.toString();
            failure = e;
        } finally {
            // a stop interrupts this thread; the counts are still written (the pool would refuse an interrupted borrower)
            boolean interrupted = Thread.interrupted();
            boolean again = error != null && !interrupted && ImportRetry.transientFailure(failure)
                    && recorder.attempt() < retry.attempts();
            try {
                if (again) {
                    Duration wait = retry.backoff(recorder.attempt());
                    recorder.retrying("attempt " + recorder.attempt() + " of " + retry.attempts() + " failed: " + error,
                            clock.instant().plus(wait));
                    retryLater(run, file, size, recorder.attempt(), wait);
                } else {
                    recorder.flush(error, true);
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                live.remove(run.id());
                if (!again) {
                    deleteSpool(run, file);
                }
            }
            LOG.info("import.finished plugin={} run={} status={} read={} accepted={} duplicate={} rejected={}",
                    run.pluginId(), run.id(), error == null ? "done" : "failed", recorder.read.get(),
                    recorder.accepted.get(), recorder.duplicate.get(), recorder.rejected.get());
        }
    }

    /** Submits the run again after {@code wait}; its file stays in the spool (and a restart resumes it). */
    private void retryLater(ImportRun run, Path file, long size, int attempt, Duration wait) {
        LOG.warn("import.retrying plugin={} run={} attempt={} wait={}", run.pluginId(), run.id(), attempt, wait);
        retries.schedule(() -> {
            ImportRun again = new ImportRun(run.id(), run.pluginId(), run.fileName(), run.preset(), "queued", 0, 0, 0, 0, 0,
                    0, null, null, run.replayOf(), run.createdBy(), run.createdAt(), null, 0, null, attempt + 1, null);
            try {
                submit(again, importer(run.pluginId()), file, size);
            } catch (RuntimeException e) {
                new RunRecorder(tx, clock, again).flush("could not be tried again: " + e.getMessage(), true);
                deleteSpool(run, file);
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void deleteSpool(ImportRun run, Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("import.spool-left run={} cause={}", run.id(), e.toString());
        }
    }

    /**
     * Interrupts the runs still going and waits briefly for them to write their counts (status
     * failed, with what was read so far) while the database is still open: a run is never left
     * "running" by a stop. Items taken in before the stop stay taken in; importing the file again
     * answers them as duplicates.
     */
    @Override
    public void close() {
        retries.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("import.stop-timeout runs={}", live.keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
