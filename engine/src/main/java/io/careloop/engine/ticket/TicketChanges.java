package io.careloop.engine.ticket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The audit snapshot of a ticket, and the fields that differ between two snapshots. */
final class TicketChanges {

    private TicketChanges() {
    }

    /** The fields an auditor reads; the description stays out of every snapshot but the first. */
    static Map<String, Object> snapshot(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.number());
        m.put("status", t.status().code());
        m.put("category", t.category() == null ? null : t.category().code());
        m.put("severity", t.severity() == null ? null : t.severity().code());
        m.put("priority", t.priority() == null ? null : t.priority().code());
        m.put("queue", t.queue());
        m.put("assignee", t.assignee());
        m.put("customerId", t.customerId());
        m.put("product", t.product());
        m.put("lot", t.lot());
        m.put("firstResponseDue", t.firstResponseDue());
        m.put("resolutionDue", t.resolutionDue());
        m.put("firstRespondedAt", t.firstRespondedAt());
        m.put("resolvedAt", t.resolvedAt());
        m.put("closedAt", t.closedAt());
        m.put("reopenCount", t.reopenCount());
        m.put("slaState", t.slaState());
        m.put("slaPausedAt", t.slaPausedAt());
        m.put("escalationLevel", t.escalationLevel());
        m.put("adverseEventSuspected", t.adverseEventSuspected());
        m.put("pvReview", t.pvReview());
        m.put("regulatoryDue", t.regulatoryDue());
        m.put("version", t.version());
        return m;
    }

    static String describe(Map<String, Object> before, Map<String, Object> after) {
        if (after == null) { // an event that records no state (a read, an erasure): nothing changed
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (var e : after.entrySet()) {
            Object old = before == null ? null : before.get(e.getKey());
            if (!"version".equals(e.getKey()) && !Objects.equals(String.valueOf(old), String.valueOf(e.getValue()))) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(e.getKey()).append(": ").append(old).append(" → ").append(e.getValue());
            }
        }
        return sb.toString();
    }
}
