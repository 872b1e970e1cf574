package io.careloop.engine.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.attachment.AttachmentMapper;
import io.careloop.engine.attachment.StoredAttachment;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.outbox.OutboxMapper;
import io.careloop.engine.outbox.OutboxMessage;
import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.error.NotFoundException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every change of a ticket goes through here: the ticket row and the process move together in one
 * transaction, each change writes an audit event and, once committed, publishes a domain event.
 * The work is split by responsibility: {@link TicketTransitions} (the agent's steps through the
 * states), {@link TicketReclassification} (classification and reclassification),
 * {@link TicketClocks} (SLA pause and resume, warnings, breaches, escalation, pharmacovigilance);
 * {@link TicketWriter} is the one way a ticket row changes. This class reads tickets and is the
 * API the rest of the engine and the web layer call.
 */
public final class TicketService implements ProcessCallbacks {

    static final String PROCESS_ACTOR = "process";
    static final int MAX_BODY = 100_000;
    public static final String PV_PENDING = "pending";
    /** Categories that are adverse events or medication errors by definition: they get a pharmacovigilance review. */
    static final Set<Category> SAFETY = Set.of(Category.ADVERSE_EVENT, Category.MEDICATION_ERROR);
    public static final String PV_CONFIRMED = "confirmed";
    public static final String PV_NOT_ADVERSE_EVENT = "not-adverse-event";

    private final Transactions tx;
    private final TicketProcess process;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final TicketWriter writer;
    private final TicketTransitions transitions;
    private final TicketReclassification classification;
    private final TicketClocks clocks;
    private volatile Consumer<String> qualityComplaints = number -> { };
    private volatile Function<String, String> closeGuard = number -> null;
    private volatile ReplyOutbox replyOutbox = (t, number, interactionId, channel) -> { };

    public TicketService(Transactions tx, TicketProcess process, AuditTrail audit, DomainEvents events,
                         ObjectMapper json, java.time.Clock clock, Calendars calendars) {
        TicketSla sla = new TicketSla(calendars, process);
        this.tx = tx;
        this.process = process;
        this.audit = audit;
        this.json = json;
        this.writer = new TicketWriter(tx, audit, events, clock);
        this.transitions = new TicketTransitions(writer, process, sla, () -> closeGuard, () -> replyOutbox);
        this.classification = new TicketReclassification(writer, process, sla, () -> qualityComplaints);
        this.clocks = new TicketClocks(writer, process, sla, this::find);
    }

    // ---- reads ----

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
            Map<Long, ReplyDelivery> deliveries = new HashMap<>();
            for (OutboxMessage o : s.getMapper(OutboxMapper.class).forTicket(number)) {
                deliveries.put(o.interactionId(), new ReplyDelivery(o.state(), o.attempts(), o.lastError(),
                        OutboxMessage.QUEUED.equals(o.state()) ? o.nextAttemptAt() : null, o.sentAt()));
            }
            for (Interaction i : s.getMapper(InteractionMapper.class).forTicket(t.id())) {
                timeline.add(new TimelineEntry("interaction", i.createdAt(), i.author(), i.kind(), i.direction(), i.body(), null,
                        deliveries.get(i.id())));
            }
            for (StoredAttachment a : s.getMapper(AttachmentMapper.class).forTicket(t.id())) {
                // the file name only: the content is downloaded through its own audited route
                timeline.add(new TimelineEntry("attachment", a.createdAt(), a.source(), a.state(), "inbound",
                        a.fileName() + " (" + a.contentType() + ", " + a.sizeBytes() + " bytes)"
                                + (a.reason() == null ? "" : ": " + a.reason()), null));
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
        List<Ticket> rows = tx.read(s -> s.getMapper(TicketMapper.class).page(q, q.textPattern(), scope,
                TicketStatus.OPEN_CODES));
        PageCursor next = rows.size() == q.limit() ? PageCursor.after(rows.get(rows.size() - 1), q.sort()) : null;
        return new TicketPage(rows, next);
    }

    /** The queue screen's counts for {@code me}, within {@code scope}. */
    public QueueCounts queueCounts(String me, TicketScope scope) {
        return queueCounts(me, scope, QueueFilter.NONE);
    }

    /** As {@link #queueCounts(String, TicketScope)}, counting only the tickets {@code filter} lets through. */
    public QueueCounts queueCounts(String me, TicketScope scope, QueueFilter filter) {
        return QueueTally.sum(tx.read(s -> s.getMapper(TicketMapper.class).queueTallies(me, scope, filter)));
    }

    // ---- the agent's steps (TicketTransitions) ----

    /** The agent takes the ticket: it leaves the queue and becomes theirs. */
    public Ticket claim(String number, String agent, Integer expectedVersion) {
        return transitions.claim(number, agent, expectedVersion);
    }

    /** A reply to the customer (sent through the ticket's channel); the first one stops the first-response clock. */
    public Ticket reply(String number, String body, String author, Integer expectedVersion) {
        return transitions.reply(number, body, author, expectedVersion);
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
        return transitions.recordFromChannel(number, kind, direction, body, author, externalId, at, action);
    }

    /** An internal note: never sent to the customer; allowed in every state. */
    public Ticket note(String number, String body, String author) {
        return transitions.note(number, body, author);
    }

    /** Gives the ticket to {@code assignee} (a supervisor's decision, or an agent taking it). */
    public Ticket assign(String number, String assignee, String actor, Integer expectedVersion) {
        return transitions.assign(number, assignee, actor, expectedVersion);
    }

    public Ticket resolve(String number, String resolution, String actor, Integer expectedVersion) {
        return resolve(number, resolution, null, actor, expectedVersion);
    }

    /**
     * Resolves with a reason (required on regulated records, see {@link RegulatedRecords}); without
     * one, the final reply to the customer, if any, is the reason.
     */
    public Ticket resolve(String number, String resolution, String reason, String actor, Integer expectedVersion) {
        return transitions.resolve(number, resolution, reason, actor, expectedVersion);
    }

    public Ticket reopen(String number, String reason, String actor, Integer expectedVersion) {
        return transitions.reopen(number, reason, actor, expectedVersion);
    }

    public Ticket close(String number, String actor, Integer expectedVersion) {
        return close(number, null, actor, expectedVersion);
    }

    /**
     * Closes with a reason (required on regulated records, see {@link RegulatedRecords}); refused
     * (409) while a pharmacovigilance review is pending or the close guard names open work.
     */
    public Ticket close(String number, String reason, String actor, Integer expectedVersion) {
        return transitions.close(number, reason, actor, expectedVersion);
    }

    @Override
    public void autoClosed(String ticketNumber) {
        transitions.autoClosed(ticketNumber);
    }

    // ---- classification (TicketReclassification) ----

    /**
     * Changes category and/or severity with a reason; the classification (priority, queue, SLA due
     * dates) is decided again by classify-ticket.dmn and the open task moves to the new queue.
     */
    public Ticket reclassify(String number, Category category, Severity severity, String reason, String actor,
                             Integer expectedVersion) {
        return classification.reclassify(number, category, severity, reason, actor, expectedVersion);
    }

    @Override
    public SlaTimers classified(String ticketNumber, String processInstanceId, Classification c,
                                boolean adverseEventSuspected) {
        return classification.classified(ticketNumber, processInstanceId, c, adverseEventSuspected);
    }

    /**
     * HOOK: opens the quality complaint (quality-complaint.bpmn) of a ticket reclassified into
     * product-quality, in the reclassification's transaction; it must do nothing when the ticket
     * has one. The composition root wires the quality complaint service here.
     */
    public void openQualityComplaintsWith(Consumer<String> open) {
        this.qualityComplaints = Objects.requireNonNull(open);
    }

    /**
     * HOOK: work that must finish before the ticket may close (the quality complaint's
     * investigation): answers why not, or null. Asked by {@link #close} in its transaction.
     */
    public void guardCloseWith(Function<String, String> whyNot) {
        this.closeGuard = Objects.requireNonNull(whyNot);
    }

    /** HOOK: where an agent's reply is queued to go out through the ticket's channel, in the reply's transaction. */
    public void sendRepliesWith(ReplyOutbox outbox) {
        this.replyOutbox = outbox;
    }

    /** The outbox a reply is written to (wired by the composition root). */
    @FunctionalInterface
    public interface ReplyOutbox {
        void queue(Tx t, String ticketNumber, long interactionId, String channel);
    }

    // ---- SLA clocks, escalation, pharmacovigilance (TicketClocks) ----

    /** The ticket waits on the customer: status waiting, both SLA clocks and their timers stand still. */
    public Ticket waitOnCustomer(String number, String reason, String actor, Integer expectedVersion) {
        return clocks.waitOnCustomer(number, reason, actor, expectedVersion);
    }

    /** The clocks run again with the business time that was left when the ticket started waiting. */
    public Ticket resume(String number, String actor, Integer expectedVersion) {
        return clocks.resume(number, actor, expectedVersion);
    }

    /**
     * The customer answered (a reply through intake): a waiting ticket resumes; any other ticket
     * is left as it is. Returns the ticket as it is afterwards.
     */
    public Ticket resumeIfWaiting(String number, String actor) {
        return clocks.resumeIfWaiting(number, actor);
    }

    /** An agent or supervisor escalates by hand, with a reason: the next step of the ladder. */
    public Ticket escalate(String number, String reason, String actor, Integer expectedVersion) {
        return clocks.escalate(number, reason, actor, expectedVersion);
    }

    /** Pharmacovigilance's outcome of the review of a possible adverse event. */
    public Ticket reviewAdverseEvent(String number, String outcome, String actor, Integer expectedVersion) {
        return clocks.reviewAdverseEvent(number, outcome, actor, expectedVersion);
    }

    @Override
    public void slaWarning(String ticketNumber, String clock) {
        clocks.slaWarning(ticketNumber, clock);
    }

    @Override
    public void slaBreached(String ticketNumber, String clock) {
        clocks.slaBreached(ticketNumber, clock);
    }

    @Override
    public void pvReviewed(String ticketNumber, String outcome, String reviewer) {
        clocks.pvReviewed(ticketNumber, outcome, reviewer);
    }

    /** The adverse event case set its regulatory clock (calendar days from Day 0, never paused). */
    public void setRegulatoryDue(String ticketNumber, Instant due, String reason) {
        clocks.setRegulatoryDue(ticketNumber, due, reason);
    }

    /** The regulatory clock of the ticket's adverse event case ran out: one step up the ladder. */
    public void escalateForRegulatoryBreach(String ticketNumber, String reason) {
        clocks.escalateForRegulatoryBreach(ticketNumber, reason);
    }

    // ---- audit lines and intake ----

    /** The audit snapshot of a ticket, for audit lines other services write about it (before = after: no field changed). */
    public static Map<String, Object> auditSnapshot(Ticket t) {
        return TicketChanges.snapshot(t);
    }

    /** A step a process took on the ticket, for the audit trail and the timeline (no field changes). */
    public void recordProcessStep(String ticketNumber, String action, String reason) {
        writer.change(ticketNumber, null, PROCESS_ACTOR, action, reason, (t, before) -> before);
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
            current = writer.save(t, current.withProcessInstance(processInstanceId), current.version());
        }
        Ticket linked = current;
        writer.publishAfterCommit(t, "ticket.created", linked, actor);
        return linked;
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
}
