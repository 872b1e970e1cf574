package io.careloop.engine.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.customer.Tier;
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
import io.careloop.engine.sla.Calendars;
import io.careloop.engine.sla.SlaTimers;
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
    public static final String PV_PENDING = "pending";
    /** Categories that are adverse events or medication errors by definition: they get a pharmacovigilance review. */
    static final java.util.Set<Category> SAFETY = java.util.Set.of(Category.ADVERSE_EVENT, Category.MEDICATION_ERROR);
    public static final String PV_CONFIRMED = "confirmed";
    public static final String PV_NOT_ADVERSE_EVENT = "not-adverse-event";

    private final Transactions tx;
    private final TicketProcess process;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final ObjectMapper json;
    private final Clock clock;
    private final TicketSla sla;
    private volatile java.util.function.Consumer<String> qualityComplaints = number -> { };

    public TicketService(Transactions tx, TicketProcess process, AuditTrail audit, DomainEvents events,
                         ObjectMapper json, Clock clock, Calendars calendars) {
        this.sla = new TicketSla(calendars, process);
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

    /** The queue screen's counts for {@code me}, within {@code scope}. */
    public QueueCounts queueCounts(String me, TicketScope scope) {
        return QueueTally.sum(tx.read(s -> s.getMapper(TicketMapper.class).queueTallies(me, scope)));
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
        try {
            return tx.write(outer -> {
                Ticket after = reclassified(number, category, severity, why, actor, expectedVersion);
                if (after.category() == Category.PRODUCT_QUALITY) {
                    qualityComplaints.accept(number);
                }
                return after;
            });
        } catch (OptimisticLockingException e) {
            throw new ConflictException("ticket " + number + " was changed by someone else; reload and try again", e);
        }
    }

    /**
     * HOOK: opens the quality complaint (quality-complaint.bpmn) of a ticket reclassified into
     * product-quality, in the reclassification's transaction; it must do nothing when the ticket
     * has one. The composition root wires the quality complaint service here.
     */
    public void openQualityComplaintsWith(java.util.function.Consumer<String> open) {
        this.qualityComplaints = java.util.Objects.requireNonNull(open);
    }

    private Ticket reclassified(String number, Category category, Severity severity, String why, String actor,
                                Integer expectedVersion) {
        return change(number, expectedVersion, actor, "ticket.reclassified", why, (t, before) -> {
            requireOpen(before);
            Customer customer = before.customerId() == null ? null : t.mapper(CustomerMapper.class).findById(before.customerId());
            Tier tier = customer == null ? null : customer.tier();
            Classification old = process.classify(before.category(), before.severity(), tier);
            Classification c = process.classify(category != null ? category : before.category(),
                    severity != null ? severity : before.severity(), tier);
            process.reclassified(before.processInstanceId(), c);
            // the time each clock has used counts against the new targets (waits stay credited, a
            // reopened ticket keeps its new resolution clock); the timers move, paused ones stay paused
            TicketSla.Plan plan = sla.replan(t, before, old, c, clock.instant());
            process.moveSlaTimers(before.processInstanceId(), plan.timers(), before.slaPaused());
            Ticket next = before.withClassification(c, plan.timers().firstResponseDue(), plan.timers().resolutionDue(),
                    plan.calendarCode(), clock.instant());
            // a safety category gets the pharmacovigilance review intake gives a suspected adverse event
            if (SAFETY.contains(c.category()) && !Boolean.TRUE.equals(before.adverseEventSuspected())) {
                process.requestReview(before.processInstanceId());
                next = next.withPharmacovigilance(true, PV_PENDING, before.regulatoryDue(), clock.instant());
            }
            return next;
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
            // resolving stops the clocks for good: the SLA timers ended with the handling task
            return after.withStatus(TicketStatus.RESOLVED, now)
                    .withSla(after.firstResponseDue(), after.resolutionDue(), null, after.slaState(), now);
        });
    }

    public Ticket reopen(String number, String reason, String actor, Integer expectedVersion) {
        String why = requireReason(reason);
        return change(number, expectedVersion, actor, "ticket.reopened", why, (t, before) -> {
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

    public Ticket close(String number, String actor, Integer expectedVersion) {
        return close(number, null, actor, expectedVersion);
    }

    /** Closes with a reason (required on regulated records, see {@link RegulatedRecords}). */
    public Ticket close(String number, String reason, String actor, Integer expectedVersion) {
        return change(number, expectedVersion, actor, "ticket.closed", optionalReason(reason), (t, before) -> {
            if (before.status() != TicketStatus.RESOLVED) {
                throw new ConflictException("only a resolved ticket can be closed; " + number + " is " + before.status().code());
            }
            if (PV_PENDING.equals(before.pvReview())) {
                throw new ConflictException("ticket " + number + " is a possible adverse event: it cannot be closed "
                        + "until pharmacovigilance has completed its review");
            }
            process.close(before.processInstanceId());
            return before.withStatus(TicketStatus.CLOSED, clock.instant());
        });
    }

    @Override
    public SlaTimers classified(String ticketNumber, String processInstanceId, Classification classification,
                                boolean adverseEventSuspected) {
        SlaTimers[] timers = new SlaTimers[1];
        change(ticketNumber, null, PROCESS_ACTOR, "ticket.classified", null, (t, before) -> {
            Instant now = clock.instant();
            TicketSla.Plan plan = sla.plan(t, classification, before.receivedAt(), before.receivedAt());
            timers[0] = plan.timers();
            Ticket classified = before.withClassification(classification, plan.timers().firstResponseDue(),
                            plan.timers().resolutionDue(), plan.calendarCode(), now)
                    .withPharmacovigilance(adverseEventSuspected, adverseEventSuspected ? PV_PENDING : null,
                            before.regulatoryDue(), now);
            // at intake the row is not linked yet: link it here, so that intake updates it once
            return before.processInstanceId() == null && processInstanceId != null
                    ? classified.withProcessInstance(processInstanceId) : classified;
        });
        return timers[0];
    }

    // ---- SLA clocks, escalation, assignment, pharmacovigilance review (issue 3) ----

    /** Gives the ticket to {@code assignee} (a supervisor's decision, or an agent taking it). */
    public Ticket assign(String number, String assignee, String actor, Integer expectedVersion) {
        if (assignee == null || assignee.isBlank() || assignee.length() > 64) {
            throw new InvalidInputException("assignee", "give the username of the new assignee (1 to 64 characters)");
        }
        return change(number, expectedVersion, actor, "ticket.assigned", null, (t, before) -> {
            requireOpen(before);
            process.assign(before.processInstanceId(), assignee.trim());
            TicketStatus next = before.status() == TicketStatus.NEW ? TicketStatus.OPEN : before.status();
            return before.withAssignee(assignee.trim(), next, clock.instant());
        });
    }

    /** The ticket waits on the customer: status waiting, both SLA clocks and their timers stand still. */
    public Ticket waitOnCustomer(String number, String reason, String actor, Integer expectedVersion) {
        String why = reason == null || reason.isBlank() ? null : requireReason(reason);
        return change(number, expectedVersion, actor, "ticket.waiting", why, (t, before) -> {
            requireOpen(before);
            return sla.pause(before, clock.instant());
        });
    }

    /** The clocks run again with the business time that was left when the ticket started waiting. */
    public Ticket resume(String number, String actor, Integer expectedVersion) {
        return change(number, expectedVersion, actor, "ticket.resumed", null,
                (t, before) -> sla.resume(t, before, clock.instant()));
    }

    /**
     * The customer answered (a reply through intake): a waiting ticket resumes; any other ticket
     * is left as it is. Returns the ticket as it is afterwards.
     */
    public Ticket resumeIfWaiting(String number, String actor) {
        Ticket current = find(number);
        if (!current.slaPaused()) {
            return current;
        }
        try {
            return change(number, null, actor, "ticket.resumed", "the customer replied",
                    (t, before) -> before.slaPaused() ? sla.resume(t, before, clock.instant()) : before);
        } catch (ConflictException e) {
            return find(number);
        }
    }

    /** An agent or supervisor escalates by hand, with a reason: the next step of the ladder. */
    public Ticket escalate(String number, String reason, String actor, Integer expectedVersion) {
        String why = requireReason(reason);
        return change(number, expectedVersion, actor, "ticket.escalated", why, (t, before) -> {
            requireOpen(before);
            Ticket after = sla.escalate(before, before.slaState(), clock.instant());
            if (after == null) {
                throw new ConflictException("ticket " + number + " is already escalated to "
                        + TicketSla.describeLevel(TicketSla.MAX_LEVEL));
            }
            return after;
        });
    }

    /** Pharmacovigilance's outcome of the review of a possible adverse event. */
    public Ticket reviewAdverseEvent(String number, String outcome, String actor, Integer expectedVersion) {
        if (!PV_CONFIRMED.equals(outcome) && !PV_NOT_ADVERSE_EVENT.equals(outcome)) {
            throw new InvalidInputException("outcome", "outcome must be '" + PV_CONFIRMED + "' or '" + PV_NOT_ADVERSE_EVENT + "'");
        }
        return tx.write(t -> {
            Ticket before = t.mapper(TicketMapper.class).findByNumberForUpdate(number);
            if (before == null) {
                throw new NotFoundException("no ticket " + number);
            }
            if (expectedVersion != null && expectedVersion.intValue() != before.version()) {
                throw new ConflictException("ticket " + number + " was changed by someone else (version "
                        + before.version() + ", you sent " + expectedVersion + "); reload and try again");
            }
            if (!PV_PENDING.equals(before.pvReview())) {
                throw new ConflictException("ticket " + number + " has no pharmacovigilance review pending");
            }
            // the process records the outcome on the ticket through pvReviewed, in this transaction
            process.completeReview(before.processInstanceId(), outcome, actor);
            return t.mapper(TicketMapper.class).findByNumber(number);
        });
    }

    @Override
    public void slaWarning(String ticketNumber, String clock) {
        Ticket current = find(ticketNumber);
        if (!clockRunning(current, clock) || !Ticket.ON_TRACK.equals(current.slaState())) {
            return;
        }
        change(ticketNumber, null, PROCESS_ACTOR, "ticket.sla-at-risk", clock + " due at " + due(current, clock),
                (t, before) -> before.withSla(before.firstResponseDue(), before.resolutionDue(), before.slaPausedAt(),
                        Ticket.AT_RISK, this.clock.instant()));
    }

    @Override
    public void slaBreached(String ticketNumber, String clock) {
        Ticket current = find(ticketNumber);
        if (!clockRunning(current, clock)) {
            return;
        }
        int level = Math.min(current.escalationLevel() + 1, TicketSla.MAX_LEVEL);
        String reason = clock + " overdue (due " + due(current, clock) + "): escalated to " + TicketSla.describeLevel(level);
        change(ticketNumber, null, PROCESS_ACTOR, "ticket.escalated", reason, (t, before) -> {
            Instant now = this.clock.instant();
            Ticket after = sla.escalate(before, Ticket.BREACHED, now);
            return after != null ? after : before.withSla(before.firstResponseDue(), before.resolutionDue(),
                    before.slaPausedAt(), Ticket.BREACHED, now);
        });
    }

    @Override
    public void pvReviewed(String ticketNumber, String outcome, String reviewer) {
        change(ticketNumber, null, reviewer == null ? PROCESS_ACTOR : reviewer, "ticket.pv-reviewed",
                "pharmacovigilance review: " + outcome, (t, before) -> before.withPharmacovigilance(
                        before.adverseEventSuspected(), outcome, before.regulatoryDue(), clock.instant()));
    }

    /** The audit snapshot of a ticket, for audit lines other services write about it (before = after: no field changed). */
    public static Map<String, Object> auditSnapshot(Ticket t) {
        return TicketChanges.snapshot(t);
    }

    /** The adverse event case set its regulatory clock (calendar days from Day 0, never paused). */
    public void setRegulatoryDue(String ticketNumber, Instant due, String reason) {
        change(ticketNumber, null, PROCESS_ACTOR, "ticket.regulatory-clock-set", reason, (t, before) ->
                before.withPharmacovigilance(before.adverseEventSuspected(), before.pvReview(), due, clock.instant()));
    }

    /** A step a process took on the ticket, for the audit trail and the timeline (no field changes). */
    public void recordProcessStep(String ticketNumber, String action, String reason) {
        change(ticketNumber, null, PROCESS_ACTOR, action, reason, (t, before) -> before);
    }

    /** The regulatory clock of the ticket's adverse event case ran out: one step up the ladder. */
    public void escalateForRegulatoryBreach(String ticketNumber, String reason) {
        change(ticketNumber, null, PROCESS_ACTOR, "ticket.escalated", reason, (t, before) -> {
            Ticket after = sla.escalate(before, before.slaState(), clock.instant());
            return after != null ? after : before;
        });
    }

    /** A timer's clock still counts: the ticket is in handling and, for first response, not answered yet. */
    private static boolean clockRunning(Ticket t, String clock) {
        if (t.isDone() || t.slaPaused()) {
            return false;
        }
        return !TicketSla.FIRST_RESPONSE.equals(clock) || t.firstRespondedAt() == null;
    }

    private static Instant due(Ticket t, String clock) {
        return TicketSla.FIRST_RESPONSE.equals(clock) ? t.firstResponseDue() : t.resolutionDue();
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
        Ticket current = t.mapper(TicketMapper.class).findByNumber(number);
        if (!processInstanceId.equals(current.processInstanceId())) { // a process that did not classify
            current = t.mapper(TicketMapper.class).findByNumberForUpdate(number);
            current = save(t, current.withProcessInstance(processInstanceId), current.version());
        }
        Ticket linked = current;
        publishAfterCommit(t, "ticket.created", linked, actor);
        return linked;
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
