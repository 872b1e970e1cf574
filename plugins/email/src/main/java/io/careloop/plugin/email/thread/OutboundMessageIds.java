package io.careloop.plugin.email.thread;

import java.util.Objects;
import java.util.UUID;

/**
 * Message-IDs of mail we send: {@code ticket-CL-2026-000001.<unique>@<domain>}. The ticket number
 * inside the id is how a customer's reply finds its ticket even when the customer's mailer
 * rewrote the subject; {@link TicketNumbers#inMessageIds} reads it back.
 */
public final class OutboundMessageIds {

    private final String domain;

    public OutboundMessageIds(String domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
        if (!domain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a domain for Message-IDs: " + domain);
        }
    }

    /**
     * The id (without angle brackets) of the message with this idempotency key: the same key gives
     * the same id, so a resend after a crash is the same message to the receiver.
     */
    public String forKey(String ticketNumber, String idempotencyKey) {
        return idempotencyKey == null ? next(ticketNumber) : "ticket-" + ticketNumber + "." + idempotencyKey + "@" + domain;
    }

    /** A new id (without angle brackets) for a message on this ticket. */
    public String next(String ticketNumber) {
        return "ticket-" + ticketNumber + "." + UUID.randomUUID() + "@" + domain;
    }
}
