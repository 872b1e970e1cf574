package io.careloop.plugin.api;

import java.time.Instant;

/**
 * What a channel answers after it handed a message over for delivery.
 *
 * @param messageId the id the message carries (an e-mail's Message-ID): the engine records it
 *                  with the outbound interaction so that a reply's In-Reply-To finds the ticket;
 *                  null when the channel has none
 * @param sentAt    when it was handed over
 */
public record DeliveryReceipt(String messageId, Instant sentAt) {
}
