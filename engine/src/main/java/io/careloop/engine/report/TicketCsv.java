package io.careloop.engine.report;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The tickets of a period as CSV ({@link Csv}: BOM, formula-safe). Never the description or the
 * customer's personal data; the subject only when the caller may read tickets.
 */
public final class TicketCsv {

    private static final List<String> COLUMNS = List.of("number", "status", "category", "severity", "priority", "channel",
            "queue", "assignee", "customer tier", "product", "lot", "received at", "first response due",
            "first responded at", "resolution due", "resolved at", "closed at", "reopens", "escalation level", "sla state");

    private TicketCsv() {
    }

    /** Writes the header and one line per ticket as {@link ReportService#exportTickets} streams them. */
    public static void write(ReportService reports, ReportFilter f, io.careloop.engine.ticket.TicketScope scope,
                             boolean withSubject, OutputStream out) {
        try (Csv csv = new Csv(out)) {
            List<Object> header = new ArrayList<>(COLUMNS);
            if (withSubject) {
                header.add(1, "subject");
            }
            csv.row(header);
            reports.exportTickets(f, scope, withSubject, t -> csv.row(line(t, withSubject)));
        }
    }

    private static List<Object> line(ReportTicket t, boolean withSubject) {
        List<Object> l = new ArrayList<>(COLUMNS.size() + 1);
        l.add(t.number());
        if (withSubject) {
            l.add(t.subject());
        }
        l.add(t.status());
        l.add(t.category());
        l.add(t.severity());
        l.add(t.priority());
        l.add(t.channel());
        l.add(t.queue());
        l.add(t.assignee());
        l.add(t.tier());
        l.add(t.product());
        l.add(t.lot());
        l.add(t.receivedAt());
        l.add(t.firstResponseDue());
        l.add(t.firstRespondedAt());
        l.add(t.resolutionDue());
        l.add(t.resolvedAt());
        l.add(t.closedAt());
        l.add(t.reopenCount());
        l.add(t.escalationLevel());
        l.add(t.slaState());
        return l;
    }
}
