package io.careloop.engine.plugin;

import io.careloop.engine.process.Transactions;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.RawRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counts of one run. The API reads them from here while the run goes on; they are
 * written to import_run every {@value #FLUSH_EVERY} items and at the end, so other nodes see the
 * run progress too. Each rejection is quarantined at once, with its raw input and reason.
 */
final class RunRecorder {

    static final int FLUSH_EVERY = 500;
    private static final int MAX_RAW = 65_536;

    private final Transactions tx;
    private final Clock clock;
    private final ImportRun started;
    final AtomicLong read = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    private final Map<String, AtomicLong> ignoredBy = new ConcurrentSkipListMap<>();
    final AtomicLong progressDone = new AtomicLong();
    final AtomicLong progressTotal = new AtomicLong();
    volatile boolean pluginReportsProgress;
    volatile String preamble;
    private volatile String status;
    private volatile Instant nextAttemptAt;

    RunRecorder(Transactions tx, Clock clock, ImportRun started) {
        this.tx = tx;
        this.clock = clock;
        this.started = started;
        this.status = started.status();
        this.progressTotal.set(started.progressTotal());
    }

    long runId() {
        return started.id();
    }

    void running() {
        status = "running";
        flush(null, false);
    }

    /** Counts one outcome; quarantines a rejection. */
    void count(IntakeOutcome outcome, RawRecord raw) {
        read.incrementAndGet();
        switch (outcome.status()) {
            case ACCEPTED -> accepted.incrementAndGet();
            case DUPLICATE -> duplicate.incrementAndGet();
            case REJECTED -> {
                rejected.incrementAndGet();
                quarantine(raw, outcome.field(), outcome.reason());
            }
        }
        if (read.get() % FLUSH_EVERY == 0) {
            flush(null, false);
        }
    }

    /** Counts one item the channel read and left out on purpose, under its cause. */
    void ignore(String reason) {
        read.incrementAndGet();
        ignored.incrementAndGet();
        String cause = reason == null || reason.isBlank() ? "unspecified" : reason.strip().replaceAll("[;=]", "_");
        ignoredBy.computeIfAbsent(cause.length() > 64 ? cause.substring(0, 64) : cause, k -> new AtomicLong()).incrementAndGet();
        if (read.get() % FLUSH_EVERY == 0) {
            flush(null, false);
        }
    }

    private String ignoredReasons() {
        if (ignoredBy.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        ignoredBy.forEach((cause, n) -> sb.append(sb.length() == 0 ? "" : ";").append(cause).append('=').append(n.get()));
        return cut(sb.toString(), 2000);
    }

    private void quarantine(RawRecord raw, String field, String message) {
        String text = raw == null ? "" : raw.text();
        if (text.length() > MAX_RAW) {
            text = text.substring(0, MAX_RAW);
        }
        Rejection r = new Rejection(null, started.id(), raw == null ? 0 : raw.position(),
                field == null ? null : cut(field, 200), cut(message, 2000), text, "open", null, clock.instant());
        tx.read(s -> {
            s.getMapper(ImportRunMapper.class).insertRejection(r);
            return null;
        });
    }

    /** The attempt failed on a transient error: the run shows {@code retrying} until {@code next}. */
    void retrying(String error, Instant next) {
        status = "retrying";
        nextAttemptAt = next;
        flush(error, false);
    }

    int attempt() {
        return started.attempts();
    }

    /** Writes the counts; {@code end} marks the run done (error null) or failed. */
    void flush(String error, boolean end) {
        if (end) {
            status = error == null ? "done" : "failed";
        }
        ImportRun now = snapshot(error, end);
        tx.read(s -> {
            s.getMapper(ImportRunMapper.class).save(now);
            return null;
        });
    }

    ImportRun snapshot(String error, boolean end) {
        return new ImportRun(started.id(), started.pluginId(), started.fileName(), started.preset(), status, read.get(),
                accepted.get(), duplicate.get(), rejected.get(), progressDone.get(), progressTotal.get(), preamble,
                error == null ? null : cut(error, 2000), started.replayOf(), started.createdBy(), started.createdAt(),
                end ? clock.instant() : null, ignored.get(), ignoredReasons(), started.attempts(),
                "retrying".equals(status) ? nextAttemptAt : null);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
