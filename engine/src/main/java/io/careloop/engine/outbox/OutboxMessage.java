package io.careloop.engine.outbox;

import java.time.Instant;

/**
 * One row of {@code outbound_message}: a reply waiting to go out, going out, or gone.
 *
 * @param idempotencyKey the message's identity: a resend after a crash carries the same key, and
 *                       the channel builds the id the receiver sees on it (an e-mail's Message-ID)
 * @param state          queued, sending, sent, failed (gave up after the last attempt) or not-sent
 *                       (no plugin serves the ticket's channel)
 */
public record OutboxMessage(Long id, String idempotencyKey, String ticketNumber, Long interactionId, String channel,
                            String state, Integer attempts, Instant nextAttemptAt, String lastError, String pluginId,
                            String messageId, Instant createdAt, Instant updatedAt, Instant sentAt) {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String NOT_SENT = "not-sent";
}
