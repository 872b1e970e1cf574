package io.careloop.engine.live;

import java.time.Instant;

/**
 * One row of the live feed: on {@code node}, ticket {@code ticketNumber} changed ({@code kind}
 * ticket, with the event's type and actor) or its viewers changed ({@code kind} presence).
 */
public record LiveEvent(Long id, String node, String kind, String ticketNumber, String eventType, String actor,
                        Instant occurredAt) {

    public static final String TICKET = "ticket";
    public static final String PRESENCE = "presence";
}
