package io.careloop.engine.plugin;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * When a failed import run is tried again by itself: only for a failure that says nothing about
 * the input (the database or a file share was away: an {@link IOException}, {@link SQLException}
 * or MyBatis {@link PersistenceException} anywhere in the cause chain), at most {@code attempts}
 * times, waiting {@code first} doubled per attempt up to {@code longest}. A plugin that throws
 * anything else is telling the input is unusable (a poison file): that run fails at once and
 * what it quarantined stays quarantined. A run that ran past its time limit is not retried either.
 */
public record ImportRetry(int attempts, Duration first, Duration longest) {

    public static final ImportRetry DEFAULTS = new ImportRetry(5, Duration.ofSeconds(30), Duration.ofMinutes(30));

    public ImportRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + attempts);
        }
    }

    /** The wait before attempt {@code attempt + 1}. */
    public Duration backoff(int attempt) {
        Duration d = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return d.compareTo(longest) > 0 ? longest : d;
    }

    /** True when {@code failure} is the engine's or the environment's, not the input's. */
    public static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof SQLException || t instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }
}
