package io.careloop.engine.ticket;

import java.time.Instant;
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
                     Integer reopenCount, String processInstanceId, Instant updatedAt, Integer version) {

    public Ticket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
        reopenCount = reopenCount == null ? 0 : reopenCount;
        version = version == null ? 0 : version;
    }

    public Ticket withClassification(Classification c, Instant now) {
        return new Ticket(id, number, subject, description, channel, c.category(), c.severity(), c.priority(), status,
                c.queue(), assignee, customerId, product, lot, source, receivedAt, createdAt,
                receivedAt.plus(c.firstResponseTarget()), receivedAt.plus(c.resolutionTarget()),
                firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, now, version);
    }

    public Ticket withAssignee(String newAssignee, TicketStatus newStatus, Instant now) {
        return new Ticket(id, number, subject, description, channel, category, severity, priority, newStatus,
                queue, newAssignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, processInstanceId, now, version);
    }

    public Ticket withStatus(TicketStatus newStatus, Instant now) {
        Instant resolved = newStatus == TicketStatus.RESOLVED ? now
                : newStatus == TicketStatus.REOPENED ? null : resolvedAt;
        Instant closed = newStatus == TicketStatus.CLOSED ? now : closedAt;
        int reopens = newStatus == TicketStatus.REOPENED ? reopenCount + 1 : reopenCount;
        return new Ticket(id, number, subject, description, channel, category, severity, priority, newStatus,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt, resolved, closed, reopens, processInstanceId, now, version);
    }

    /** The first reply to the customer stops the first-response clock; later replies leave it. */
    public Ticket withResponse(Instant at) {
        TicketStatus next = status == TicketStatus.NEW ? TicketStatus.OPEN : status;
        return new Ticket(id, number, subject, description, channel, category, severity, priority, next,
                queue, assignee, customerId, product, lot, source, receivedAt, createdAt, firstResponseDue,
                resolutionDue, firstRespondedAt == null ? at : firstRespondedAt, resolvedAt, closedAt, reopenCount,
                processInstanceId, at, version);
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
                resolutionDue, firstRespondedAt, resolvedAt, closedAt, reopenCount, piId, updatedAt, version);
    }

    /** True once the ticket no longer takes work (resolved or closed). */
    public boolean isDone() {
        return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    }
}
