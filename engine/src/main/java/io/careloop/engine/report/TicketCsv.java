package io.careloop.engine.report;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
        write(reports, f, scope, withSubject ? UnaryOperator.identity() : null, t -> { }, out);
    }

    /**
     * As above, with the subject through {@code subject} (the reader's masking; null: no subject
     * column), and each ticket handed to {@code written} once its line is written (the read audit).
     */
    public static void write(ReportService reports, ReportFilter f, io.careloop.engine.ticket.TicketScope scope,
                             UnaryOperator<String> subject, Consumer<ReportTicket> written, OutputStream out) {
        boolean withSubject = subject != null;
        try (Csv csv = new Csv(out)) {
            List<Object> header = new ArrayList<>(COLUMNS);
            if (withSubject) {
                header.add(1, "subject");
            }
            csv.row(header);
            reports.exportTickets(f, scope, withSubject, t -> {
                csv.row(line(t, withSubject ? subject.apply(t.subject()) : null, withSubject));
                written.accept(t);
            });
        }
    }

    private static List<Object> line(ReportTicket t, String subject, boolean withSubject) {
        List<Object> l = new ArrayList<>(COLUMNS.size() + 1);
        l.add(t.number());
        if (withSubject) {
            l.add(subject);
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
