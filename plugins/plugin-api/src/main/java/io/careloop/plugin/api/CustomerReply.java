package io.careloop.plugin.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's answer on an existing conversation. The engine finds the ticket from the
 * threading hints, in this order: {@code ticketNumber}, then {@code inReplyTo}, then
 * {@code references} (newest first), matched against the message ids the engine recorded for
 * the ticket's inbound and outbound messages. It records the reply as an inbound interaction;
 * a ticket that waits on the customer resumes its SLA clock, a resolved ticket is handed to its
 * process as a customer reply. When no hint matches any ticket, the reply opens a new ticket
 * (with the subject and body given here), so a channel never has to decide that itself.
 *
 * @param sourceKey    the channel's identity of this reply (its Message-ID); see
 *                     {@link InboundItem#sourceKey()}
 * @param channel      email, phone, web, chat, …
 * @param ticketNumber the ticket number found in the item (e.g. {@code CL-2026-000123} in a
 *                     subject), or null
 * @param messageId    this reply's own message id, for later replies to thread on; may be null
 * @param inReplyTo    the message id this one answers (In-Reply-To), or null
 * @param references   earlier message ids of the thread, oldest first (References); never null
 * @param customer     who wrote it; may be null
 * @param subject      the subject line; may be null
 * @param body         the text of the reply (plain text; a channel converts or sanitises HTML)
 * @param receivedAt   when it arrived; null = now
 * @param attachments  files that came with it; never null
 */
public record CustomerReply(String sourceKey, String channel, String ticketNumber, String messageId,
                            String inReplyTo, List<String> references, InboundCustomer customer,
                            String subject, String body, Instant receivedAt,
                            List<Attachment> attachments) implements InboundItem {

    public CustomerReply {
        Objects.requireNonNull(channel, "channel");
        references = references == null ? List.of() : List.copyOf(references);
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
