package io.careloop.engine.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One row of TicketMapper.queueTallies: the open tickets of one queue (null = none yet). */
public record QueueTally(String queue, long openCount, long mine, long unassigned, long atRisk, long breached) {

    /** The totals over every queue, with each queue's open count. */
    public static QueueCounts sum(List<QueueTally> rows) {
        long mine = 0;
        long unassigned = 0;
        long atRisk = 0;
        long breached = 0;
        Map<String, Long> byQueue = new HashMap<>();
        for (QueueTally r : rows) {
            mine += r.mine;
            unassigned += r.unassigned;
            atRisk += r.atRisk;
            breached += r.breached;
            if (r.queue != null) {
                byQueue.put(r.queue, r.openCount);
            }
        }
        return new QueueCounts(mine, unassigned, atRisk, breached, byQueue);
    }
}
