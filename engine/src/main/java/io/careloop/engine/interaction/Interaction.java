package io.careloop.engine.interaction;

import java.time.Instant;

/**
 * Something said on a ticket: a reply to the customer, an internal note, a call, an e-mail.
 *
 * @param kind       reply, note, call, email or survey
 * @param direction  inbound (from the customer), outbound (to the customer) or internal
 * @param externalId the channel's id of the message (e.g. Message-ID), if any
 */
public record Interaction(Long id, Long ticketId, String kind, String direction, String author, String body,
                          String externalId, Instant createdAt) {
}
