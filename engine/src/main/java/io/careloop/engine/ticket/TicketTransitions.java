package io.careloop.engine.ticket;

import static io.careloop.engine.ticket.TicketWriter.optionalReason;
import static io.careloop.engine.ticket.TicketWriter.requireBody;
import static io.careloop.engine.ticket.TicketWriter.requireOpen;
import static io.careloop.engine.ticket.TicketWriter.requireReason;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.interaction.Interaction;
import io.careloop.engine.interaction.InteractionMapper;
import io.careloop.engine.process.TicketProcess;
import io.careloop.engine.process.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's steps through a ticket's states: claim, reply, note, assign, resolve, reopen, close
 * (and the process's auto-close), each moving the ticket row and the process together.
 */
final class TicketTransitions {

    private final TicketWriter writer;
    private final TicketProcess process;
    private final TicketSla sla;
    private final Clock clock;
    /** Why the ticket may not close yet (work of another process still running), or null. */
    private final Supplier<Function<String, String>> closeGuard;
    /** Where a reply to the customer is queued to go out through the ticket's channel. */
    private final Supplier<TicketService.ReplyOutbox> replyOutbox;

    TicketTransitions(TicketWriter writer, TicketProcess process, TicketSla sla,
                      Supplier<Function<String, String>> closeGuard, Supplier<TicketService.ReplyOutbox> replyOutbox) {
        this.writer = writer;
        this.process = process;
        this.sla = sla;
        this.clock = writer.clock();
        this.closeGuard = closeGuard;
        this.replyOutbox = replyOutbox;
    }

    Ticket claim(String number, String agent, Integer expectedVersion) {
        return writer.change(number, expectedVersion, agent, "ticket.claimed", null, (t, before) -> {
            requireOpen(before);
            if (before.assignee() != null && !before.assignee().equals(agent)) {
                throw new ConflictException("ticket " + number + " is already claimed by " + before.assignee());
            }
            process.assign(before.processInstanceId(), agent);
            TicketStatus next = before.status() == TicketStatus.NEW ? TicketStatus.OPEN : before.status();
            return before.withAssignee(agent, next, clock.instant());
        });
    }

    Ticket reply(String number, String body, String author, Integer expectedVersion) {
        String text = requireBody(body);
        return writer.change(number, expectedVersion, author, "ticket.replied", null, (t, before) -> {
            requireOpen(before);
            Instant now = clock.instant();
            outboundReply(t, before, author, text, now);
            return before.withResponse(now);
        });
    }

    /** A reply to the customer on the timeline, and in the outbox to go out through the ticket's channel. */
    private void outboundReply(Tx t, Ticket ticket, String author, String text, Instant now) {
        GeneratedKey key = new GeneratedKey();
        t.mapper(InteractionMapper.class).insertReturningKey(
                new Interaction(null, ticket.id(), "reply", "outbound", author, text, null, now), key);
        replyOutbox.get().queue(t, ticket.number(), key.getId(), ticket.channel().code());
    }

    Ticket recordFromChannel(String number, String kind, String direction, String body, String author,
                             String externalId, Instant at, String action) {
        String text = body.length() > TicketService.MAX_BODY ? body.substring(0, TicketService.MAX_BODY) : body;
        return writer.change(number, null, author, action, null, (t, before) -> {
            t.mapper(InteractionMapper.class).insert(new Interaction(null, before.id(), kind, direction, author, text,
                    externalId, at));
            return before;
        });
    }

    Ticket note(String number, String body, String author) {
        String text = requireBody(body);
        return writer.change(number, null, author, "ticket.noted", null, (t, before) -> {
            t.mapper(InteractionMapper.class).insert(new Interaction(null, before.id(), "note", "internal", author, text, null, clock.instant()));
            return before;
        });
    }

    Ticket assign(String number, String assignee, String actor, Integer expectedVersion) {
        if (assignee == null || assignee.isBlank() || assignee.length() > 64) {
            throw new InvalidInputException("assignee", "give the username of the new assignee (1 to 64 characters)");
        }
        return writer.change(number, expectedVersion, actor, "ticket.assigned", null, (t, before) -> {
            requireOpen(before);
            process.assign(before.processInstanceId(), assignee.trim());
            TicketStatus next = before.status() == TicketStatus.NEW ? TicketStatus.OPEN : before.status();
            return before.withAssignee(assignee.trim(), next, clock.instant());
        });
    }

    Ticket resolve(String number, String resolution, String reason, String actor, Integer expectedVersion) {
        String why = optionalReason(reason);
        if (why == null && resolution != null && !resolution.isBlank()) {
            String r = resolution.strip();
            why = r.length() > 2000 ? r.substring(0, 1999) + "…" : r;
        }
        return writer.change(number, expectedVersion, actor, "ticket.resolved", why, (t, before) -> {
            requireOpen(before);
            Instant now = clock.instant();
            Ticket after = before;
            if (resolution != null && !resolution.isBlank()) {
                outboundReply(t, before, actor, requireBody(resolution), now);
                after = after.withResponse(now);
            }
            process.resolve(before.processInstanceId());
            // resolving stops the clocks for good: the SLA timers ended with the handling task
            return after.withStatus(TicketStatus.RESOLVED, now)
                    .withSla(after.firstResponseDue(), after.resolutionDue(), null, after.slaState(), now);
        });
    }

    Ticket reopen(String number, String reason, String actor, Integer expectedVersion) {
        String why = requireReason(reason);
        return writer.change(number, expectedVersion, actor, "ticket.reopened", why, (t, before) -> {
            if (before.status() != TicketStatus.RESOLVED) {
                throw new ConflictException("only a resolved ticket can be reopened; " + number + " is " + before.status().code());
            }
            // a new resolution clock from now; the first-response clock stays as it was
            Instant now = clock.instant();
            Customer customer = before.customerId() == null ? null : t.mapper(CustomerMapper.class).findById(before.customerId());
            Classification c = process.classify(before.category(), before.severity(), customer == null ? null : customer.tier());
            TicketSla.Plan plan = sla.plan(t, c, before.receivedAt(), now);
            process.reopen(before.processInstanceId(), plan.timers());
            return before.withStatus(TicketStatus.REOPENED, now)
                    .withSla(before.firstResponseDue(), plan.timers().resolutionDue(), null, Ticket.ON_TRACK, now);
        });
    }

    Ticket close(String number, String reason, String actor, Integer expectedVersion) {
        return writer.change(number, expectedVersion, actor, "ticket.closed", optionalReason(reason), (t, before) -> {
            if (before.status() != TicketStatus.RESOLVED) {
                throw new ConflictException("only a resolved ticket can be closed; " + number + " is " + before.status().code());
            }
            if (TicketService.PV_PENDING.equals(before.pvReview())) {
                throw new ConflictException("ticket " + number + " is a possible adverse event: it cannot be closed "
                        + "until pharmacovigilance has completed its review");
            }
            String openWork = closeGuard.get().apply(number);
            if (openWork != null) {
                throw new ConflictException(openWork);
            }
            process.close(before.processInstanceId());
            return before.withStatus(TicketStatus.CLOSED, clock.instant());
        });
    }

    void autoClosed(String ticketNumber) {
        writer.change(ticketNumber, null, TicketService.PROCESS_ACTOR, "ticket.closed", "no reopen before the auto-close time",
                (t, before) -> before.withStatus(TicketStatus.CLOSED, clock.instant()));
    }
}
