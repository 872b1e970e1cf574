package io.careloop.engine.ticket;

import java.time.Duration;
import java.util.Objects;

/** What classify-ticket.dmn decided for a ticket: where it goes and how fast it must move. */
public record Classification(Category category, Severity severity, Priority priority, String queue,
                             Duration firstResponseTarget, Duration resolutionTarget) {

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(firstResponseTarget, "firstResponseTarget");
        Objects.requireNonNull(resolutionTarget, "resolutionTarget");
    }
}
