package io.careloop.engine.plugin;

import java.time.Instant;

/**
 * One import: an upload handed to a plugin's importer, a replay of quarantined items, or the
 * items of one poll.
 *
 * @param status        queued, running, retrying, done or failed
 * @param read          items read (accepted + duplicate + rejected + ignored)
 * @param progressDone  work done of {@code progressTotal} (bytes of the upload, or what the plugin reports)
 * @param preamble      the lines before the data (a CSV header), prepended when a record is replayed
 * @param error         why the run failed, or null
 * @param replayOf      the run whose quarantined items this run replays, or null
 * @param ignored        items the channel read and deliberately left out (auto-replies, bounces)
 * @param ignoredReasons how many were ignored for which cause, as {@code cause=count} pairs joined by ';'
 * @param attempts       the attempt this is (a run that failed on a transient error is tried again, see ImportRetry)
 * @param nextAttemptAt  when a {@code retrying} run is tried again, else null
 */
public record ImportRun(Long id, String pluginId, String fileName, String preset, String status, long read,
                        long accepted, long duplicate, long rejected, long progressDone, long progressTotal,
                        String preamble, String error, Long replayOf, String createdBy, Instant createdAt,
                        Instant finishedAt, long ignored, String ignoredReasons, int attempts, Instant nextAttemptAt) {

    /** Progress from 0 to 1; 1 once the run is over. */
    public double progress() {
        if ("done".equals(status) || "failed".equals(status)) {
            return 1.0;
        }
        return progressTotal <= 0 ? 0.0 : Math.min(1.0, (double) progressDone / progressTotal);
    }
}
