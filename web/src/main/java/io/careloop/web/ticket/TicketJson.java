package io.careloop.web.ticket;

import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketView;
import io.careloop.engine.ticket.TimelineEntry;
import io.careloop.web.customer.CustomerJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The JSON shape of a ticket: codes for enums, ISO-8601 UTC instants. */
public final class TicketJson {

    private TicketJson() {
    }

    public static Map<String, Object> of(Ticket t) {
        return of(t, UnaryOperator.identity());
    }

    /** The ticket with its free texts through {@code text} ({@code FreeTextMasking.forReader}). */
    public static Map<String, Object> of(Ticket t, UnaryOperator<String> text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.number());
        m.put("subject", text.apply(t.subject()));
        m.put("description", text.apply(t.description()));
        m.put("channel", t.channel().code());
        m.put("category", t.category() == null ? null : t.category().code());
        m.put("severity", t.severity() == null ? null : t.severity().code());
        m.put("priority", t.priority() == null ? null : t.priority().code());
        m.put("status", t.status().code());
        m.put("queue", t.queue());
        m.put("assignee", t.assignee());
        m.put("customerId", t.customerId());
        m.put("product", t.product());
        m.put("lot", t.lot());
        m.put("source", t.source());
        m.put("receivedAt", t.receivedAt());
        m.put("createdAt", t.createdAt());
        m.put("firstResponseDue", t.firstResponseDue());
        m.put("resolutionDue", t.resolutionDue());
        m.put("firstRespondedAt", t.firstRespondedAt());
        m.put("resolvedAt", t.resolvedAt());
        m.put("closedAt", t.closedAt());
        m.put("reopenCount", t.reopenCount());
        m.put("adverseEventSuspected", t.adverseEventSuspected());
        m.put("pvReview", t.pvReview());
        m.put("regulatoryDue", t.regulatoryDue());
        m.put("slaPaused", t.slaPaused());
        m.put("slaState", t.slaState());
        // which calendar the due dates count on (the queue's, else the default); null in calendar mode
        m.put("slaCalendar", t.slaCalendar());
        m.put("escalationLevel", t.escalationLevel());
        m.put("version", t.version());
        return m;
    }

    /**
     * What a caller who may open tickets but not read them (an integrator) gets back: the number and
     * where it stands, none of the text or personal data (docs/security.md).
     */
    public static Map<String, Object> receipt(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.number());
        m.put("status", t.status().code());
        m.put("channel", t.channel().code());
        m.put("createdAt", t.createdAt());
        m.put("version", t.version());
        return m;
    }

    public static Map<String, Object> of(TicketView v, UnaryOperator<String> text) {
        Map<String, Object> m = of(v.ticket(), text);
        m.put("customer", v.customer() == null ? null : CustomerJson.of(v.customer()));
        m.put("timeline", v.timeline().stream().map(e -> new TimelineEntry(e.type(), e.at(), e.actor(), e.kind(),
                e.direction(), text.apply(e.body()), text.apply(e.changes()), e.delivery())).toList());
        m.put("process", Map.of("instanceId", String.valueOf(v.ticket().processInstanceId()),
                "activities", v.processActivities()));
        return m;
    }
}
