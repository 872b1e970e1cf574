package io.careloop.engine.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.db.Sql;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.error.ReasonRequiredException;
import io.careloop.engine.event.DomainEvent;
import io.careloop.engine.event.DomainEvents;
import io.careloop.engine.interaction.Interaction;
import io.careloop.engine.interaction.InteractionMapper;
import io.careloop.engine.process.ProcessCallbacks;
import io.careloop.engine.process.TicketProcess;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change of a ticket goes through here: the ticket row and the process move together in one
 * transaction, each change writes an audit event and, once committed, publishes a domain event.
 */
public final class TicketService implements ProcessCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);
    static final String PROCESS_ACTOR = "process";
    static final int MAX_BODY = 100_000;

    private final Transactions tx;
    private final TicketProcess process;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    public TicketService(Transactions tx, TicketProcess process, AuditTrail audit, DomainEvents events,
                         ObjectMapper json, Clock clock) {
        this.tx = tx;
        this.process = process;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public Ticket find(String number) {
        Ticket t = tx.read(s -> s.getMapper(TicketMapper.class).findByNumber(number));
        if (t == null) {
            throw new NotFoundException("no ticket " + number);
        }
        return t;
    }

    /** The ticket with its customer, its timeline and the process's current activities. */
    public TicketView view(String number) {
        return tx.read(s -> {
            Ticket t = s.getMapper(TicketMapper.class).findByNumber(number);
            if (t == null) {
                throw new NotFoundException("no ticket " + number);
            }
            Customer c = t.customerId() == null ? null : s.getMapper(CustomerMapper.class).findById(t.customerId());
            List<TimelineEntry> timeline = new ArrayList<>();
            for (Interaction i : s.getMapper(InteractionMapper.class).forTicket(t.id())) {
                timeline.add(new TimelineEntry("interaction", i.createdAt(), i.author(), i.kind(), i.direction(), i.body(), null));
            }
            for (AuditEvent e : audit.forEntity(s, "ticket", number)) {
                timeline.add(new TimelineEntry("audit", e.occurredAt(), e.actor(), e.action(), null, e.reason(),
                        TicketChanges.describe(parse(e.beforeState()), parse(e.afterState()))));
            }
            timeline.sort(Comparator.comparing(TimelineEntry::at));
            List<String> activities = t.processInstanceId() == null ? List.of() : process.activeActivities(t.processInstanceId());
            return new TicketView(t, c, timeline, activities);
        });
    }

    public TicketPage page(TicketQuery q) {
        return page(q, TicketScope.ALL);
    }

    /** A page of {@code q} holding only the tickets {@code scope} lets the caller see. */
    public TicketPage page(TicketQuery q, TicketScope scope) {
        List<Ticket> rows = tx.read(s -> s.getMapper(TicketMapper.class).page(q, q.textPattern(), scope));
        PageCursor next = rows.size() == q.limit() ? PageCursor.after(rows.get(rows.size() - 1), q.sort()) : null;
        return new TicketPage(rows, next);
    }

    /** The agent takes the ticket: it leaves the queue and becomes theirs. */
    public Ticket claim(String number, String agent, Integer expectedVersion) {
        return change(number, expectedVersion, agent, "ticket.claimed", null, (t, before) -> {
            requireOpen(before);
            if (before.assignee() != null && !before.assignee().equals(agent)) {
                throw new ConflictException("ticket " + number + " is already claimed by " + before.assignee());
            }
            process.assign(before.processInstanceId(), agent);
            TicketStatus next = before.status() == TicketStatus.NEW ? TicketStatus.OPEN : before.status();
            return before.withAssignee(agent, next, clock.instant());
        });
    }

    /** A reply to the customer (sent through the ticket's channel); the first one stops the first-response clock. */
    public Ticket reply(String number, String body, String author, Integer expectedVersion) {
        String text = requireBody(body);
        return change(number, expectedVersion, author, "ticket.replied", null, (t, before) -> {
            requireOpen(before);
            Instant now = clock.instant();
            t.mapper(InteractionMapper.class).insert(new Interaction(null, before.id(), "reply", "outbound", author, text, null, now));
            return before.withResponse(now);
        });
    }

    /**
     * Something the customer sent or said through a channel (a reply, a call, a survey response),
     * recorded on the ticket in every state; joins the caller's transaction when there is one.
     *
     * @param direction inbound, or outbound for a call the team placed
     * @param action    the domain event, e.g. {@code ticket.customer-replied}
     */
    public Ticket recordFromChannel(String number, String kind, String direction, String body, String author,
                                    String externalId, Instant at, String action) {
        String text = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        return change(number, null, author, action, null, (t, before) -> {
            t.mapper(InteractionMapper.class).insert(new Interaction(null, before.id(), kind, direction, author, text,
                    externalId, at));
            return before;
        });
    }

    /** An internal note: never sent to the customer; allowed in every state. */
    public Ticket note(String number, String body, String author) {
        String text = requireBody(body);
        return change(number, null, author, "ticket.noted", null, (t, before) -> {
            t.mapper(InteractionMapper.class).insert(new Interaction(null, before.id(), "note", "internal", author, text, null, clock.instant()));
            return before;
        });
    }

    /**
     * Changes category and/or severity with a reason; the classification (priority, queue, SLA due
     * dates) is decided again by classify-ticket.dmn and the open task moves to the new queue.
     */
    public Ticket reclassify(String number, Category category, Severity severity, String reason, String actor,
                             Integer expectedVersion) {
        if (category == null && severity == null) {
            throw new InvalidInputException("category", "give a new category, a new severity, or both");
        }
        String why = requireReason(reason);
        return change(number, expectedVersion, actor, "ticket.reclassified", why, (t, before) -> {
            requireOpen(before);
            Customer customer = before.customerId() == null ? null : t.mapper(CustomerMapper.class).findById(before.customerId());
            Classification c = process.classify(category != null ? category : before.category(),
                    severity != null ? severity : before.severity(), customer == null ? null : customer.tier());
            process.reclassified(before.processInstanceId(), c);
            return before.withClassification(c, clock.instant());
        });
    }

    public Ticket resolve(String number, String resolution, String actor, Integer expectedVersion) {
        return resolve(number, resolution, null, actor, expectedVersion);
    }

    /**
     * Resolves with a reason (required on regulated records, see {@link RegulatedRecords}); without
     * one, the final reply to the customer, if any, is the reason.
     */
    public Ticket resolve(String number, String resolution, String reason, String actor, Integer expectedVersion) {
        String why = optionalReason(reason);
        if (why == null && resolution != null && !resolution.isBlank()) {
            String r = resolution.strip();
            why = r.length() > 2000 ? r.substring(0, 1999) + "…" : r;
        }
        return change(number, expectedVersion, actor, "ticket.resolved", why, (t, before) -> {
            requireOpen(before);
            Instant now = clock.instant();
            Ticket after = before;
            if (resolution != null && !resolution.isBlank()) {
                t.mapper(InteractionMapper.class).insert(new Interaction(null, before.id(), "reply", "outbound", actor,
                        requireBody(resolution), null, now));
                after = after.withResponse(now);
            }
            process.resolve(before.processInstanceId());
            return after.withStatus(TicketStatus.RESOLVED, now);
        });
    }

    public Ticket reopen(String number, String reason, String actor, Integer expectedVersion) {
        String why = requireReason(reason);
        return change(number, expectedVersion, actor, "ticket.reopened", why, (t, before) -> {
            if (before.status() != TicketStatus.RESOLVED) {
                throw new ConflictException("only a resolved ticket can be reopened; " + number + " is " + before.status().code());
            }
            process.reopen(before.processInstanceId());
            return before.withStatus(TicketStatus.REOPENED, clock.instant());
        });
    }

    public Ticket close(String number, String actor, Integer expectedVersion) {
        return close(number, null, actor, expectedVersion);
    }

    /** Closes with a reason (required on regulated records, see {@link RegulatedRecords}). */
    public Ticket close(String number, String reason, String actor, Integer expectedVersion) {
        return change(number, expectedVersion, actor, "ticket.closed", optionalReason(reason), (t, before) -> {
            if (before.status() != TicketStatus.RESOLVED) {
                throw new ConflictException("only a resolved ticket can be closed; " + number + " is " + before.status().code());
            }
            process.close(before.processInstanceId());
            return before.withStatus(TicketStatus.CLOSED, clock.instant());
        });
    }

    @Override
    public void classified(String ticketNumber, Classification classification) {
        change(ticketNumber, null, PROCESS_ACTOR, "ticket.classified", null,
                (t, before) -> before.withClassification(classification, clock.instant()));
    }

    @Override
    public void autoClosed(String ticketNumber) {
        change(ticketNumber, null, PROCESS_ACTOR, "ticket.closed", "no reopen before the auto-close time",
                (t, before) -> before.withStatus(TicketStatus.CLOSED, clock.instant()));
    }

    /** Intake's audit line for a new ticket: the full first snapshot, the customer's text included. */
    public void recordCreated(Tx t, Ticket created, String actor) {
        Map<String, Object> snapshot = TicketChanges.snapshot(created);
        snapshot.put("subject", created.subject());
        snapshot.put("description", created.description());
        snapshot.put("channel", created.channel().code());
        snapshot.put("source", created.source());
        audit.record(t, actor, "ticket.created", "ticket", created.number(), null, snapshot, null);
    }

    /**
     * Intake's last step, in intake's transaction: links the new ticket to its process instance and
     * announces it once committed. Returns the ticket as stored.
     */
    public Ticket linkProcessAfterIntake(Tx t, String number, String processInstanceId, String actor) {
        Ticket current = t.mapper(TicketMapper.class).findByNumberForUpdate(number);
        Ticket linked = save(t, current.withProcessInstance(processInstanceId), current.version());
        publishAfterCommit(t, "ticket.created", linked, actor);
        return linked;
    }

    /**
     * The one way a ticket changes: lock the row, check the version the caller saw, apply
     * {@code work}, save, audit, publish after commit.
     */
    private Ticket change(String number, Integer expectedVersion, String actor, String action, String reason,
                          TicketChange work) {
        try {
            return tx.write(t -> {
                TicketMapper m = t.mapper(TicketMapper.class);
                Ticket before = m.findByNumberForUpdate(number);
                if (before == null) {
                    throw new NotFoundException("no ticket " + number);
                }
                if (expectedVersion != null && expectedVersion.intValue() != before.version()) {
                    throw new ConflictException("ticket " + number + " was changed by someone else (version "
                            + before.version() + ", you sent " + expectedVersion + "); reload and try again");
                }
                Ticket next = work.apply(t, before);
                // after the action's own checks, so a change that cannot happen at all says so first
                if (reason == null && !PROCESS_ACTOR.equals(actor) && RegulatedRecords.regulated(before)
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

    private static void requireOpen(Ticket t) {
        if (t.isDone()) {
            throw new ConflictException("ticket " + t.number() + " is " + t.status().code() + "; reopen it first");
        }
    }

    private static String requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "the text is empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "the text is longer than " + MAX_BODY + " characters");
        }
        return body;
    }

    private static String optionalReason(String reason) {
        return reason == null || reason.isBlank() ? null : requireReason(reason);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "a reason is required for this change");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "the reason is longer than 2000 characters");
        }
        return reason.trim();
    }

    private Map<String, Object> parse(String snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.readValue(snapshot, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return Map.of("snapshot", snapshot);
        }
    }

    @FunctionalInterface
    interface TicketChange {
        Ticket apply(Tx t, Ticket before);
    }
}
