package io.careloop.engine.inbound;

import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.intake.IntakeResult;
import io.careloop.engine.intake.IntakeService;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.TicketService;
import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.IntakeOutcome;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A call from a call log. Missed, busy and failed inbound calls become call-back tasks: a ticket
 * in the service-process category whose subject says whom to call back (an anonymous caller
 * cannot be called back and is only counted). An answered call with notes lands on the caller's
 * open ticket as a call interaction, or opens a ticket (its notes classified and scanned for
 * adverse-event terms by the process like any channel's text). Without notes and without an open
 * ticket an answered call is only counted. The call id is the idempotency key throughout.
 */
public final class CallHandling {

    /** Call times in tickets are shown as the call centre saw them. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Transactions tx;
    private final Ledgered ledgered;
    private final IntakeService intake;
    private final TicketService tickets;

    public CallHandling(Transactions tx, Ledgered ledgered, IntakeService intake, TicketService tickets) {
        this.tx = tx;
        this.ledgered = ledgered;
        this.intake = intake;
        this.tickets = tickets;
    }

    IntakeOutcome handle(String source, CallRecord call, String actor) {
        IntakeOutcome earlier = ledgered.seen(source, call.callId());
        if (earlier != null) {
            return earlier;
        }
        String number = phone(call.customerNumber());
        boolean inbound = call.direction() == CallRecord.Direction.INBOUND;
        if (call.disposition().missed() && inbound) {
            if (number == null) {
                return ledgered.once(source, call.callId(), "anonymous " + code(call), t -> null);
            }
            return opened(intake.intake(callBack(call, number), source, call.callId(), actor));
        }
        String openTicket = number == null ? null : openTicketOf(number);
        if (openTicket != null) {
            String body = describe(call);
            return ledgered.once(source, call.callId(), code(call), t -> tickets.recordFromChannel(openTicket, "call",
                    inbound ? "inbound" : "outbound", body, actor, call.callId(), call.startedAt(),
                    "ticket.call-recorded").number());
        }
        if (call.notes() == null || call.disposition().missed()) {
            return ledgered.once(source, call.callId(), code(call), t -> null);
        }
        CustomerDraft caller = number == null && call.callerName() == null ? null
                : new CustomerDraft(null, null, call.callerName(), null, null, null, number, null);
        TicketDraft draft = new TicketDraft(subject(call.notes()), describe(call), Channel.PHONE, null, null, null,
                caller, null, null, call.startedAt());
        return opened(intake.intake(draft, source, call.callId(), actor));
    }

    private String openTicketOf(String phone) {
        return tx.read(s -> {
            InboundMapper m = s.getMapper(InboundMapper.class);
            Long customer = m.customerByPhone(phone);
            return customer == null ? null : m.openTicketOf(customer);
        });
    }

    private static IntakeOutcome opened(IntakeResult r) {
        return r.duplicate() ? IntakeOutcome.duplicate(r.ticket().number()) : IntakeOutcome.accepted(r.ticket().number());
    }

    private static TicketDraft callBack(CallRecord call, String number) {
        String subject = "回拨未接来电 Call back " + number;
        return new TicketDraft(subject, describe(call), Channel.PHONE, Category.SERVICE_PROCESS, null, null,
                new CustomerDraft(null, null, call.callerName(), null, null, null, number, null), null, null,
                call.startedAt());
    }

    /** The interaction text: when, who, how it ended, how long, and the notes. */
    static String describe(CallRecord call) {
        StringBuilder b = new StringBuilder();
        b.append(call.direction() == CallRecord.Direction.INBOUND ? "来电 Inbound call " : "去电 Outbound call ")
                .append(SHOWN.format(call.startedAt()))
                .append(" · ").append(code(call))
                .append(" · ").append(call.durationSeconds()).append(" s");
        if (call.callerNumber() != null) {
            b.append(" · from ").append(call.callerNumber());
        }
        if (call.calledNumber() != null) {
            b.append(" · to ").append(call.calledNumber());
        }
        if (call.agent() != null) {
            b.append(" · agent ").append(call.agent());
        }
        if (call.notes() != null) {
            b.append("\n\n").append(call.notes());
        }
        return b.toString();
    }

    private static String code(CallRecord call) {
        return call.disposition().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The first line of the notes, short enough for a subject. */
    static String subject(String notes) {
        String first = notes.strip().lines().findFirst().orElse("").strip();
        return first.length() <= 80 ? first : first.substring(0, 79) + "…";
    }

    /** Null for numbers nobody can call back. */
    static String phone(String n) {
        if (n == null || n.isBlank()) {
            return null;
        }
        String v = n.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("anonymous") || lower.equals("unknown") || lower.equals("private") || lower.equals("restricted")) {
            return null;
        }
        return v;
    }
}
