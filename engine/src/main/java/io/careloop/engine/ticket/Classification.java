package io.careloop.engine.ticket;

import io.careloop.engine.sla.SlaMode;
import java.time.Duration;
import java.util.Objects;

/**
 * What classify-ticket.dmn decided for a ticket: where it goes and how fast it must move.
 *
 * @param slaMode         whether the targets count working hours (business) or all hours (calendar)
 * @param warningFraction the share of a target after which the ticket is "at risk" (0 &lt; f &lt; 1)
 */
public record Classification(Category category, Severity severity, Priority priority, String queue,
                             Duration firstResponseTarget, Duration resolutionTarget, SlaMode slaMode,
                             double warningFraction) {

    /** What a decision without the SLA-mode and warning columns means: business time, warn at 80 %. */
    public static final double DEFAULT_WARNING_FRACTION = 0.8;

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(firstResponseTarget, "firstResponseTarget");
        Objects.requireNonNull(resolutionTarget, "resolutionTarget");
        slaMode = slaMode == null ? SlaMode.BUSINESS : slaMode;
        if (!(warningFraction > 0 && warningFraction < 1)) {
            warningFraction = DEFAULT_WARNING_FRACTION;
        }
    }

    public Classification(Category category, Severity severity, Priority priority, String queue,
                          Duration firstResponseTarget, Duration resolutionTarget) {
        this(category, severity, priority, queue, firstResponseTarget, resolutionTarget, SlaMode.BUSINESS,
                DEFAULT_WARNING_FRACTION);
    }
}
