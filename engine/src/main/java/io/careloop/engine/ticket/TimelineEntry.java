package io.careloop.engine.ticket;

import java.time.Instant;

/**
 * One line of a ticket's timeline: an interaction (reply, note, call, e-mail) or an audit event
 * (created, claimed, reclassified …), in the order they happened.
 *
 * @param type      {@code interaction} or {@code audit}
 * @param kind      the interaction kind (reply, note, …) or the audit action (ticket.claimed, …)
 * @param direction inbound, outbound or internal; null for audit events
 * @param body      the text said; for audit events, the reason given (may be null)
 * @param changes   for audit events, the fields that changed as "field: old → new"; else null
 * @param delivery  for a reply to the customer, how far it got through the ticket's channel; else null
 */
public record TimelineEntry(String type, Instant at, String actor, String kind, String direction, String body,
                            String changes, ReplyDelivery delivery) {

    public TimelineEntry(String type, Instant at, String actor, String kind, String direction, String body,
                         String changes) {
        this(type, at, actor, kind, direction, body, changes, null);
    }
}
