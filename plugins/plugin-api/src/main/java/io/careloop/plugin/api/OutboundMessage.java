package io.careloop.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * A message the engine asks a channel to send: a reply to the customer, or an invitation to the
 * satisfaction survey after resolution.
 *
 * @param kind         reply or survey invitation
 * @param ticketNumber the ticket it belongs to; a channel puts it where a reply will carry it
 *                     back (an e-mail subject's {@code [CL-2026-000123]})
 * @param to           the recipient
 * @param subject      the subject line (channels without subjects ignore it)
 * @param body         the text (plain text)
 * @param surveyUrl    for an invitation: the link to the survey; null otherwise
 * @param inReplyTo    the message id of the customer's message this answers, or null
 * @param references   earlier message ids of the thread, oldest first; never null
 * @param attachments  files to send; never null
 * @param idempotencyKey the message's identity (since 1.1.0): the engine may hand the same message
 *                     over again after a crash, with the same key; a channel builds the id the
 *                     receiver sees on it (an e-mail's Message-ID), so the second copy is
 *                     recognisable as the first. Letters, digits, '.', '-' only; null when the
 *                     engine gives none (then the channel makes up an id of its own)
 */
public record OutboundMessage(Kind kind, String ticketNumber, Recipient to, String subject, String body,
                              String surveyUrl, String inReplyTo, List<String> references,
                              List<Attachment> attachments, String idempotencyKey) {

    /** Why the message is sent. */
    public enum Kind { REPLY, SURVEY_INVITATION }

    /**
     * Whom to send it to.
     *
     * @param name  display name, or null
     * @param email e-mail address, or null
     * @param phone phone number, or null
     */
    public record Recipient(String name, String email, String phone) {
    }

    public OutboundMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(to, "to");
        body = body == null ? "" : body;
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9.-]{1,100}")) {
            throw new IllegalArgumentException("an idempotency key is 1 to 100 letters, digits, '.' or '-': " + idempotencyKey);
        }
    }

    /** A message without idempotency key (the 1.0.0 form). */
    public OutboundMessage(Kind kind, String ticketNumber, Recipient to, String subject, String body,
                           String surveyUrl, String inReplyTo, List<String> references,
                           List<Attachment> attachments) {
        this(kind, ticketNumber, to, subject, body, surveyUrl, inReplyTo, references, attachments, null);
    }
}
