package io.careloop.engine.ticket;

import java.time.Instant;

/**
 * How far a reply to the customer got through the ticket's channel (the outbox's row for it).
 *
 * @param state     queued, sending, sent, failed or not-sent
 * @param attempts  attempts made so far
 * @param lastError why the last attempt failed (or why it is not sent), else null
 * @param nextTry   when the next attempt is due, for a queued reply
 * @param sentAt    when the channel took it, for a sent reply
 */
public record ReplyDelivery(String state, int attempts, String lastError, Instant nextTry, Instant sentAt) {
}
