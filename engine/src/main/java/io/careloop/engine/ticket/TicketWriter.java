package io.careloop.engine.ticket;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.db.Sql;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.error.ReasonRequiredException;
import io.careloop.engine.event.DomainEvent;
import io.careloop.engine.event.DomainEvents;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a ticket changes: lock the row, check the version the caller saw, apply the change,
 * save, audit, publish the domain event once committed. Shared by the ticket's services.
 */
final class TicketWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

    private final Transactions tx;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final Clock clock;

    TicketWriter(Transactions tx, AuditTrail audit, DomainEvents events, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One change of a ticket, in the write's transaction. */
    @FunctionalInterface
    interface TicketChange {
        Ticket apply(Tx t, Ticket before);
    }

    Transactions tx() {
        return tx;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The one way a ticket changes: lock the row, check the version the caller saw, apply
     * {@code work}, save, audit, publish after commit.
     */
    Ticket change(String number, Integer expectedVersion, String actor, String action, String reason,
                  TicketChange work) {
        try {
            return tx.write(t -> {
                TicketMapper m = t.mapper(TicketMapper.class);
                Ticket before = m.findByNumberForUpdate(number);
                if (before == null) {
                    throw new NotFoundException("no ticket " + number);
                }
                requireVersion(before, expectedVersion);
                Ticket next = work.apply(t, before);
                // after the action's own checks, so a change that cannot happen at all says so first
                if (reason == null && !TicketService.PROCESS_ACTOR.equals(actor) && RegulatedRecords.regulated(before)
                        && !RegulatedRecords.WITHOUT_REASON.contains(action)) {
                    throw new ReasonRequiredException("ticket " + number + " is a regulated record ("
                            + before.category().code() + "): " + action + " needs a reason");
                }
                Ticket after = save(t, next, before.version());
                Map<String, Object> beforeSnap = TicketChanges.snapshot(before);
                Map<String, Object> afterSnap = TicketChanges.snapshot(after);
                audit.record(t, actor, action, "ticket", number, beforeSnap, afterSnap, reason);
                publishAfterCommit(t, action, after, actor);
                return after;
            });
        } catch (PersistenceException e) {
            if (Sql.isLockConflict(e)) {
                throw new ConflictException("ticket " + number + " is being changed by someone else; try again", e);
            }
            throw e;
        } catch (OptimisticLockingException e) {
            throw new ConflictException("ticket " + number + " was changed by someone else; reload and try again", e);
        }
    }

    static void requireVersion(Ticket before, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion.intValue() != before.version()) {
            throw new ConflictException("ticket " + before.number() + " was changed by someone else (version "
                    + before.version() + ", you sent " + expectedVersion + "); reload and try again");
        }
    }

    Ticket save(Tx t, Ticket next, int expectedVersion) {
        if (t.mapper(TicketMapper.class).save(next, expectedVersion) == 0) {
            throw new ConflictException("ticket " + next.number() + " was changed by someone else; reload and try again");
        }
        return t.mapper(TicketMapper.class).findByNumber(next.number());
    }

    void publishAfterCommit(Tx t, String action, Ticket after, String actor) {
        Map<String, Object> data = new HashMap<>();
        data.put("status", after.status().code());
        data.put("queue", after.queue());
        data.put("assignee", after.assignee());
        data.put("priority", after.priority() == null ? null : after.priority().code());
        data.put("version", after.version());
        DomainEvent event = new DomainEvent(action, "ticket", after.number(), actor, clock.instant(), data);
        t.afterCommit(() -> {
            LOG.info("{} ticket={} actor={}", action, after.number(), actor);
            events.publish(event);
        });
    }

    static void requireOpen(Ticket t) {
        if (t.isDone()) {
            throw new ConflictException("ticket " + t.number() + " is " + t.status().code() + "; reopen it first");
        }
    }

    static String requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "the text is empty");
        }
        if (body.length() > TicketService.MAX_BODY) {
            throw new InvalidInputException("body", "the text is longer than " + TicketService.MAX_BODY + " characters");
        }
        return body;
    }

    static String optionalReason(String reason) {
        return reason == null || reason.isBlank() ? null : requireReason(reason);
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "a reason is required for this change");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "the reason is longer than 2000 characters");
        }
        return reason.trim();
    }
}
