package io.careloop.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbound item that opens a new ticket.
 *
 * @param sourceKey   the channel's own identity of the item (Message-ID, call id, form id):
 *                    intake records it and answers {@link IntakeOutcome.Status#DUPLICATE} when
 *                    the same source sends the same key again
 * @param subject     one line; required
 * @param description the full text; may be empty
 * @param channel     email, phone, web, chat, visit, survey or api
 * @param category    category code if the channel knows it, else null (the process classifies)
 * @param severity    high, medium or low if known, else null
 * @param customer    the sender; may be null when the channel knows nobody
 * @param product     product name or code; may be null
 * @param lot         lot/batch number; may be null
 * @param receivedAt  when the company first received it (Day 0 of regulatory clocks); null = now
 */
public record NewTicket(String sourceKey, String subject, String description, String channel,
                        String category, String severity, InboundCustomer customer,
                        String product, String lot, Instant receivedAt) {

    public NewTicket {
        Objects.requireNonNull(channel, "channel");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a ticket needs a subject");
        }
        description = description == null ? "" : description;
    }
}
