package io.careloop.engine.privacy;

import java.time.Duration;
import java.util.Objects;

/**
 * How long closed tickets keep their texts ({@code careloop.retention.*}, see docs/security.md,
 * "Retention"): the texts of a closed ticket are erased once it has been closed longer than
 * {@code closedTickets}; regulated records (adverse event, medication error, product quality, a
 * suspected adverse event) after {@code regulated}, or never when that is null (the default:
 * pharmacovigilance and GMP complaint records are kept as long as the product is on the market and
 * beyond, which a customer's own retention schedule decides).
 *
 * @param scheduled run once a day on nodes that run background work
 */
public record RetentionPolicy(Duration closedTickets, Duration regulated, boolean scheduled) {

    public static final RetentionPolicy DEFAULTS = new RetentionPolicy(Duration.ofDays(1095), null, true);

    public RetentionPolicy {
        Objects.requireNonNull(closedTickets, "closedTickets");
        if (closedTickets.isNegative() || closedTickets.isZero()) {
            throw new IllegalArgumentException("careloop.retention.closed-tickets must be a positive duration, got " + closedTickets);
        }
        if (regulated != null && regulated.compareTo(closedTickets) < 0) {
            throw new IllegalArgumentException("careloop.retention.regulated (" + regulated
                    + ") must not be shorter than careloop.retention.closed-tickets (" + closedTickets + ")");
        }
    }
}
