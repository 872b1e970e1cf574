package io.careloop.engine.privacy;

import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.interaction.Interaction;
import io.careloop.engine.ticket.Ticket;
import java.util.List;

/**
 * Everything CareLoop holds about one person (a PIPL / GDPR access request): the customer, their
 * tickets with everything said on them (survey responses included), and the audit lines about any
 * of these (changes, and who read them, singly or in a list).
 */
public record SubjectData(Customer customer, List<TicketRecord> tickets, List<AuditEvent> audit) {

    /** A ticket with everything said on it and what Camunda holds for it ({@link ProcessData}). */
    public record TicketRecord(Ticket ticket, List<Interaction> interactions, List<ProcessData.Instance> processes) {
    }
}
