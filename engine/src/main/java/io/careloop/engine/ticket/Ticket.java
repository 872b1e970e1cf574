package io.careloop.engine.ticket;

import java.time.Instant;
import org.apache.ibatis.annotations.AutomapConstructor;
import java.util.Objects;

/**
 * A ticket row as stored. State changes go through {@link TicketService}, which derives the new
 * value with the {@code with…} methods and saves it against the version it read.
 */
public record Ticket(Long id, String number, String subject, String description, Channel channel,
                     Category category, Severity severity, Priority priority, TicketStatus status,
                     String queue, String assignee, Long customerId, String product, String lot,
                     String source, Instant receivedAt, Instant createdAt, Instant firstResponseDue,
                     Instant resolutionDue, Instant firstRespondedAt, Instant resolvedAt, Instant closedAt,
                     Integer reopenCount, String processInstanceId, Instant updatedAt, Integer version,
                     Boolean adverseEventSuspected, Instant regulatoryDue, Instant slaPausedAt,
                     Integer escalationLevel, String slaState, String slaMode, String slaCalendar, String pvReview) {

    public static final String ON_TRACK = "on-track";
    public static final String AT_RISK = "at-risk";
    public static final String BREACHED = "breached";
    /** The candidate groups an escalation adds, level 1 and 2 (queues of their own, for the studio too). */
    public static final java.util.List<String> ESCALATION_GROUPS = java.util.List.of("supervisors", "department-heads");

    @AutomapConstructor
    public Ticket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
        reopenCount = reopenCount == null ? 0 : reopenCount;
        version = version == null ? 0 : version;
        adverseEventSuspected = adverseEventSuspected != null && adverseEventSuspected;
        escalationLevel = escalationLevel == null ? 0 : escalationLevel;
        slaState = slaState == null ? ON_TRACK : slaState;
    }

    /** A new ticket as intake builds it: no SLA, escalation or review state yet. */
    public Ticket(Long id, String number, String subject, String description, Channel channel,
                  Category category, Severity severity, Priority priority, TicketStatus status,
                  String queue, String assignee, Long customerId, String product, String lot,
                  String source, Instant receivedAt, Instant createdAt, Instant firstResponseDue,
                  Instant resolutionDue, Instant firstRespondedAt, Instant resolvedAt, Instant closedAt,
                  Integer reopenCount, String processInstanceId, Instant updatedAt, Integer version) {
        this(id, number, subject, description, channel, category, severity, priority, status, queue, assignee,
                customerId, product, lot, source, receivedAt, createdAt, firstResponseDue, resolutionDue,
                firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, updatedAt, version,
                false, null, null, 0, ON_TRACK, null, null, null);
    }

    /** True while the SLA clocks stand still (the ticket waits on the customer). */
    public boolean slaPaused() {
        return slaPausedAt != null;
    }

    /** The classification with its SLA due dates (computed by the caller, in business or calendar time). */
    public Ticket withClassification(Classification c, Instant newFirstResponseDue, Instant newResolutionDue,
                                     String newSlaCalendar, Instant now) {
        return new Ticket(id, number, subject, description, channel, c.category(), c.severity(), c.priority(), status,
                c.queue(), assignee, customerId, product, lot, source, receivedAt, createdAt,
                newFirstResponseDue, newResolutionDue,
                firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, now, version, adverseEventSuspected,
                regulatoryDue, slaPausedAt, escalationLevel, slaState, c.slaMode().name().toLowerCase(), newSlaCalendar,
                pvReview);
    }

    public Ticket withAssignee(String newAssignee, TicketStatus newStatus, Instant now) {
        return new Ticket(id, number, subject, description, channel, category, severity, priority, newStatus,
                queue, newAssignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, now, version,
                adverseEventSuspected, regulatoryDue, slaPausedAt, escalationLevel, slaState, slaMode, slaCalendar,
                pvReview);
    }

    public Ticket withStatus(TicketStatus newStatus, Instant now) {
        Instant resolved = newStatus == TicketStatus.RESOLVED ? now
                : newStatus == TicketStatus.REOPENED ? null : resolvedAt;
        Instant closed = newStatus == TicketStatus.CLOSED ? now : closedAt;
        int reopens = newStatus == TicketStatus.REOPENED ? reopenCount + 1 : reopenCount;
        return new Ticket(id, number, subject, description, channel, category, severity, priority, newStatus,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolved, closed, reopens, processInstanceId, now, version,
                adverseEventSuspected, regulatoryDue, slaPausedAt, escalationLevel, slaState, slaMode, slaCalendar,
                pvReview);
    }

    /** The first reply to the customer stops the first-response clock; later replies leave it. */
    public Ticket withResponse(Instant at) {
        TicketStatus next = status == TicketStatus.NEW ? TicketStatus.OPEN : status;
        return new Ticket(id, number, subject, description, channel, category, severity, priority, next,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt == null ? at : firstRespondedAt, resolvedAt, closedAt, reopenCount,
                processInstanceId, at, version,
                adverseEventSuspected, regulatoryDue, slaPausedAt, escalationLevel, slaState, slaMode, slaCalendar,
                pvReview);
    }

    /** The row as just inserted: the same values with the id the database gave it. */
    public Ticket withId(long newId) {
        return new Ticket(newId, number, subject, description, channel, category, severity, priority, status,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, updatedAt, version);
    }

    public Ticket withProcessInstance(String piId) {
        return new Ticket(id, number, subject, description, channel, category, severity, priority, status,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, piId, updatedAt, version,
                adverseEventSuspected, regulatoryDue, slaPausedAt, escalationLevel, slaState, slaMode, slaCalendar,
                pvReview);
    }

    /** True once the ticket no longer takes work (resolved or closed). */
    public boolean isDone() {
        return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    }

    /** The SLA clocks: due dates, pause and state (each argument as it is to be). */
    public Ticket withSla(Instant newFirstResponseDue, Instant newResolutionDue, Instant newPausedAt, String newState,
                          Instant now) {
        return new Ticket(id, number, subject, description, channel, category, severity, priority, status,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, newFirstResponseDue,
                newResolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, now, version,
                adverseEventSuspected, regulatoryDue, newPausedAt, escalationLevel, newState, slaMode, slaCalendar,
                pvReview);
    }

    /** One step up the escalation ladder, with the priority it brings. */
    public Ticket withEscalation(int level, Priority newPriority, TicketStatus newStatus, String newState, Instant now) {
        return new Ticket(id, number, subject, description, channel, category, severity, newPriority, newStatus,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, now, version,
                adverseEventSuspected, regulatoryDue, slaPausedAt, level, newState, slaMode, slaCalendar, pvReview);
    }

    /** The possible-adverse-event flag and the state of its pharmacovigilance review. */
    public Ticket withPharmacovigilance(boolean suspected, String review, Instant newRegulatoryDue, Instant now) {
        return new Ticket(id, number, subject, description, channel, category, severity, priority, status,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, now, version,
                suspected, newRegulatoryDue, slaPausedAt, escalationLevel, slaState, slaMode, slaCalendar, review);
    }
}
