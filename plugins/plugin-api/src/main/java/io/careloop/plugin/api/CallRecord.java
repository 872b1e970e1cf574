package io.careloop.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One phone call from a call log (a CDR row, a call-centre export). The engine matches the
 * customer by {@link #customerNumber()} and then:
 * <ul>
 *   <li>an answered call with notes becomes an interaction on the customer's open ticket, or
 *       a new ticket when the customer has none (the notes are scanned for adverse-event terms
 *       like any other channel's text);</li>
 *   <li>a missed, busy or failed inbound call becomes a call-back task (a ticket in the
 *       call-back queue) unless the caller is anonymous;</li>
 *   <li>an answered call without notes is recorded on the open ticket if there is one, and
 *       otherwise only counted as accepted.</li>
 * </ul>
 *
 * @param callId          the call's identity (Asterisk uniqueid, the export's call id): the
 *                        idempotency key; required
 * @param direction       inbound or outbound
 * @param callerNumber    the number that called; may be null or {@code anonymous}
 * @param calledNumber    the number that was called; may be null
 * @param callerName      the caller's name as the log shows it (caller id name), or null
 * @param agent           the agent or extension that took or made the call, or null
 * @param startedAt       when the call began; required
 * @param answeredAt      when it was answered, null if it was not
 * @param endedAt         when it ended, or null
 * @param durationSeconds total duration in seconds (0 if unknown)
 * @param disposition     how the call ended
 * @param notes           the agent's notes (may span lines), or null
 */
public record CallRecord(String callId, Direction direction, String callerNumber, String calledNumber,
                         String callerName, String agent, Instant startedAt, Instant answeredAt,
                         Instant endedAt, long durationSeconds, Disposition disposition,
                         String notes) implements InboundItem {

    /** Who placed the call. */
    public enum Direction { INBOUND, OUTBOUND }

    /** How a call ended, in the terms CDRs use. */
    public enum Disposition {
        ANSWERED, NO_ANSWER, BUSY, FAILED;

        /** True for calls nobody talked on: they call for a call-back. */
        public boolean missed() {
            return this != ANSWERED;
        }
    }

    public CallRecord {
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("a call needs a call id");
        }
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(disposition, "disposition");
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("duration must not be negative: " + durationSeconds);
        }
        notes = notes == null || notes.isBlank() ? null : notes;
    }

    @Override
    public String sourceKey() {
        return callId;
    }

    /** The customer's number: the caller of an inbound call, the called party of an outbound one. */
    public String customerNumber() {
        return direction == Direction.INBOUND ? callerNumber : calledNumber;
    }
}
