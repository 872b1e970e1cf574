package io.careloop.plugin.api;

import java.util.Objects;

/**
 * What the engine's intake answered for one inbound item.
 *
 * @param status       accepted (a ticket was made or updated), duplicate (the source key was
 *                     seen before; nothing changed) or rejected (the item is quarantined with
 *                     the reason)
 * @param ticketNumber the ticket the item created or belongs to; null when rejected or when the
 *                     item concerns no ticket (a missed call from an unknown number)
 * @param field        for a rejection: the input field that was wrong (e.g. {@code csat}), or
 *                     null when the item as a whole was refused
 * @param reason       why the item was rejected; null otherwise
 */
public record IntakeOutcome(Status status, String ticketNumber, String field, String reason) {

    /** The three answers intake gives. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    public IntakeOutcome {
        Objects.requireNonNull(status, "status");
        if (status == Status.REJECTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
    }

    public static IntakeOutcome accepted(String ticketNumber) {
        return new IntakeOutcome(Status.ACCEPTED, ticketNumber, null, null);
    }

    public static IntakeOutcome duplicate(String ticketNumber) {
        return new IntakeOutcome(Status.DUPLICATE, ticketNumber, null, null);
    }

    public static IntakeOutcome rejected(String reason) {
        return new IntakeOutcome(Status.REJECTED, null, null, reason);
    }

    public static IntakeOutcome rejected(String field, String reason) {
        return new IntakeOutcome(Status.REJECTED, null, field, reason);
    }

    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }

    public boolean isDuplicate() {
        return status == Status.DUPLICATE;
    }

    public boolean isRejected() {
        return status == Status.REJECTED;
    }
}
