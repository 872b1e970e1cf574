package io.careloop.engine.ticket;

import java.util.Map;

/**
 * How many open tickets (not resolved or closed) a user sees in each view of the queue screen,
 * counted in SQL within their data scope.
 *
 * @param byQueue open tickets per queue code
 */
public record QueueCounts(long mine, long unassigned, long atRisk, long breached, Map<String, Long> byQueue) {

    public QueueCounts {
        byQueue = Map.copyOf(byQueue);
    }
}
