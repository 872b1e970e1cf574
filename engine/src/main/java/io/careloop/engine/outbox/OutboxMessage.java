package io.careloop.engine.outbox;

import java.time.Instant;

/**
 * One row of {@code outbound_message}: a message to a customer (an agent's reply, a survey invitation
 * or reminder) waiting to go out, going out, or gone.
 *
 * @param idempotencyKey the message's identity: a resend after a crash carries the same key, and
 *                       the channel builds the id the receiver sees on it (an e-mail's Message-ID)
 * @param state          queued, sending, sent, failed (gave up after the last attempt) or not-sent
 *                       (no plugin serves the ticket's channel)
 * @param kind           {@link #REPLY}, {@link #SURVEY_INVITATION} or {@link #SURVEY_REMINDER}: how it is sent
 */
public record OutboxMessage(Long id, String idempotencyKey, String ticketNumber, Long interactionId, String channel,
                            String state, Integer attempts, Instant nextAttemptAt, String lastError, String pluginId,
                            String messageId, Instant createdAt, Instant updatedAt, Instant sentAt, String kind) {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String NOT_SENT = "not-sent";

    public static final String REPLY = "reply";
    public static final String SURVEY_INVITATION = "survey-invitation";
    public static final String SURVEY_REMINDER = "survey-reminder";
}
