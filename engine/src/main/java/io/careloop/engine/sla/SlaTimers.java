package io.careloop.engine.sla;

import java.time.Instant;

/**
 * When the four SLA timers on ticket-lifecycle's "handle" task fire: the warnings at the
 * policy's warning fraction of each target, the breaches at the due dates.
 */
public record SlaTimers(Instant firstResponseWarning, Instant firstResponseDue, Instant resolutionWarning,
                        Instant resolutionDue) {
}
