package io.careloop.plugin.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An inbound item that opens a new ticket.
 *
 * @param sourceKey   the channel's own identity of the item (Message-ID, call id, form id): see
 *                    {@link InboundItem#sourceKey()}
 * @param subject     one line; required
 * @param description the full text; may be empty. Intake scans it (with the subject) for
 *                    adverse-event terms like any other channel's text.
 * @param channel     email, phone, web, chat, visit, survey or api
 * @param category    category code if the channel knows it, else null (the process classifies)
 * @param severity    high, medium or low if known, else null
 * @param customer    the sender; may be null when the channel knows nobody
 * @param product     product name or code; may be null
 * @param lot         lot/batch number; may be null
 * @param receivedAt  when the company first received it (Day 0 of regulatory clocks); null = now
 * @param messageId   the channel's message id that later replies may refer to (an e-mail's
 *                    Message-ID), so that {@link CustomerReply}'s threading hints find this
 *                    ticket; may be null
 * @param attachments files that came with the item; never null (empty when none)
 */
public record NewTicket(String sourceKey, String subject, String description, String channel,
                        String category, String severity, InboundCustomer customer,
                        String product, String lot, Instant receivedAt, String messageId,
                        List<Attachment> attachments) implements InboundItem {

    public NewTicket {
        Objects.requireNonNull(channel, "channel");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a ticket needs a subject");
        }
        description = description == null ? "" : description;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A ticket without message id or attachments. */
    public NewTicket(String sourceKey, String subject, String description, String channel,
                     String category, String severity, InboundCustomer customer,
                     String product, String lot, Instant receivedAt) {
        this(sourceKey, subject, description, channel, category, severity, customer, product, lot,
                receivedAt, null, List.of());
    }
}
