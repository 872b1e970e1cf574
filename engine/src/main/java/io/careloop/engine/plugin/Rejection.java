package io.careloop.engine.plugin;

import java.time.Instant;

/**
 * A quarantined item: what a run could not take in, with its raw input and the reason.
 *
 * @param position  the row number in the file (as a spreadsheet counts, header rows included) or
 *                  message number
 * @param field     the field that was wrong, or null
 * @param state     open, or replayed (then {@code replayRun} is the run that replayed it)
 */
public record Rejection(Long id, long runId, long position, String field, String message, String raw, String state,
                        Long replayRun, Instant createdAt) {
}
