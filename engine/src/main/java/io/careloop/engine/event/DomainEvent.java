package io.careloop.engine.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened, published in-process after its transaction committed: the live UI,
 * outbound channels and webhooks subscribe.
 *
 * @param type       e.g. {@code ticket.created}, {@code ticket.claimed}
 * @param entityType e.g. {@code ticket}
 * @param entityId   e.g. the ticket number
 * @param data       small, non-personal facts (status, queue, assignee)
 */
public record DomainEvent(String type, String entityType, String entityId, String actor, Instant at,
                          Map<String, Object> data) {
}
