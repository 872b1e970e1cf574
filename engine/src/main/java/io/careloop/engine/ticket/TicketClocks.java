package io.careloop.engine.ticket;

import static io.careloop.engine.ticket.TicketWriter.requireOpen;
import static io.careloop.engine.ticket.TicketWriter.requireReason;

import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.TicketProcess;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The clocks of a ticket and what they lead to: waiting on the customer (the SLA stands still)
 * and resuming, the SLA timers' warnings and breaches, escalation up the ladder, the
 * pharmacovigilance review and the adverse-event case's regulatory clock.
 */
final class TicketClocks {

    private final TicketWriter writer;
    private final TicketProcess process;
    private final TicketSla sla;
    private final Clock clock;
    private final Function<String, Ticket> find;

    TicketClocks(TicketWriter writer, TicketProcess process, TicketSla sla, Function<String, Ticket> find) {
        this.writer = writer;
        this.process = process;
        this.sla = sla;
        this.clock = writer.clock();
        this.find = find;
    }

    Ticket waitOnCustomer(String number, String reason, String actor, Integer expectedVersion) {
        String why = reason == null || reason.isBlank() ? null : requireReason(reason);
        return writer.change(number, expectedVersion, actor, "ticket.waiting", why, (t, before) -> {
            requireOpen(before);
            return sla.pause(before, clock.instant());
        });
    }

    Ticket resume(String number, String actor, Integer expectedVersion) {
        return writer.change(number, expectedVersion, actor, "ticket.resumed", null,
                (t, before) -> sla.resume(t, before, clock.instant()));
    }

    Ticket resumeIfWaiting(String number, String actor) {
        Ticket current = find.apply(number);
        if (!current.slaPaused()) {
            return current;
        }
        try {
            return writer.change(number, null, actor, "ticket.resumed", "the customer replied",
                    (t, before) -> before.slaPaused() ? sla.resume(t, before, clock.instant()) : before);
        } catch (ConflictException e) {
            return find.apply(number);
        }
    }

    Ticket escalate(String number, String reason, String actor, Integer expectedVersion) {
        String why = requireReason(reason);
        return writer.change(number, expectedVersion, actor, "ticket.escalated", why, (t, before) -> {
            requireOpen(before);
            Ticket after = sla.escalate(before, before.slaState(), clock.instant());
            if (after == null) {
                throw new ConflictException("ticket " + number + " is already escalated to "
                        + TicketSla.describeLevel(TicketSla.MAX_LEVEL));
            }
            return after;
        });
    }

    Ticket reviewAdverseEvent(String number, String outcome, String actor, Integer expectedVersion) {
        if (!TicketService.PV_CONFIRMED.equals(outcome) && !TicketService.PV_NOT_ADVERSE_EVENT.equals(outcome)) {
            throw new InvalidInputException("outcome", "outcome must be '" + TicketService.PV_CONFIRMED + "' or '"
                    + TicketService.PV_NOT_ADVERSE_EVENT + "'");
        }
        return writer.tx().write(t -> {
            Ticket before = t.mapper(TicketMapper.class).findByNumberForUpdate(number);
            if (before == null) {
                throw new NotFoundException("no ticket " + number);
            }
            TicketWriter.requireVersion(before, expectedVersion);
            if (!TicketService.PV_PENDING.equals(before.pvReview())) {
                throw new ConflictException("ticket " + number + " has no pharmacovigilance review pending");
            }
            // the process records the outcome on the ticket through pvReviewed, in this transaction
            process.completeReview(before.processInstanceId(), outcome, actor);
            return t.mapper(TicketMapper.class).findByNumber(number);
        });
    }

    void slaWarning(String ticketNumber, String clockName) {
        Ticket current = find.apply(ticketNumber);
        if (!clockRunning(current, clockName) || !Ticket.ON_TRACK.equals(current.slaState())) {
            return;
        }
        writer.change(ticketNumber, null, TicketService.PROCESS_ACTOR, "ticket.sla-at-risk",
                clockName + " due at " + due(current, clockName),
                (t, before) -> before.withSla(before.firstResponseDue(), before.resolutionDue(), before.slaPausedAt(),
                        Ticket.AT_RISK, clock.instant()));
    }

    void slaBreached(String ticketNumber, String clockName) {
        Ticket current = find.apply(ticketNumber);
        if (!clockRunning(current, clockName)) {
            return;
        }
        int level = Math.min(current.escalationLevel() + 1, TicketSla.MAX_LEVEL);
        String reason = clockName + " overdue (due " + due(current, clockName) + "): escalated to "
                + TicketSla.describeLevel(level);
        writer.change(ticketNumber, null, TicketService.PROCESS_ACTOR, "ticket.escalated", reason, (t, before) -> {
            Instant now = clock.instant();
            Ticket after = sla.escalate(before, Ticket.BREACHED, now);
            return after != null ? after : before.withSla(before.firstResponseDue(), before.resolutionDue(),
                    before.slaPausedAt(), Ticket.BREACHED, now);
        });
    }

    void pvReviewed(String ticketNumber, String outcome, String reviewer) {
        writer.change(ticketNumber, null, reviewer == null ? TicketService.PROCESS_ACTOR : reviewer, "ticket.pv-reviewed",
                "pharmacovigilance review: " + outcome, (t, before) -> before.withPharmacovigilance(
                        before.adverseEventSuspected(), outcome, before.regulatoryDue(), clock.instant()));
    }

    void setRegulatoryDue(String ticketNumber, Instant due, String reason) {
        writer.change(ticketNumber, null, TicketService.PROCESS_ACTOR, "ticket.regulatory-clock-set", reason, (t, before) ->
                before.withPharmacovigilance(before.adverseEventSuspected(), before.pvReview(), due, clock.instant()));
    }

    void escalateForRegulatoryBreach(String ticketNumber, String reason) {
        writer.change(ticketNumber, null, TicketService.PROCESS_ACTOR, "ticket.escalated", reason, (t, before) -> {
            Ticket after = sla.escalate(before, before.slaState(), clock.instant());
            return after != null ? after : before;
        });
    }

    /** A timer's clock still counts: the ticket is in handling and, for first response, not answered yet. */
    private static boolean clockRunning(Ticket t, String clockName) {
        if (t.isDone() || t.slaPaused()) {
            return false;
        }
        return !TicketSla.FIRST_RESPONSE.equals(clockName) || t.firstRespondedAt() == null;
    }

    private static Instant due(Ticket t, String clockName) {
        return TicketSla.FIRST_RESPONSE.equals(clockName) ? t.firstResponseDue() : t.resolutionDue();
    }
}
