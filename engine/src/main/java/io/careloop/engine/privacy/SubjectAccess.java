package io.careloop.engine.privacy;

import io.careloop.engine.audit.AuditMapper;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.interaction.InteractionMapper;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects everything held about a person for their access request (the route audits the read). */
public final class SubjectAccess {

    private final Transactions tx;
    private final ProcessData processes;

    public SubjectAccess(Transactions tx, ProcessData processes) {
        this.tx = tx;
        this.processes = processes;
    }

    public SubjectData collect(long customerId) {
        return tx.read(s -> {
            Customer c = s.getMapper(CustomerMapper.class).findById(customerId);
            if (c == null) {
                throw new NotFoundException("no customer " + customerId);
            }
            AuditMapper audit = s.getMapper(AuditMapper.class);
            PrivacyMapper privacy = s.getMapper(PrivacyMapper.class);
            List<AuditEvent> lines = new ArrayList<>(audit.forEntity("customer", String.valueOf(customerId)));
            lines.addAll(audit.forEntity("access", "customer/" + customerId));
            lines.addAll(audit.forEntity("access", "customer-export/" + customerId));
            // directory pages that listed them
            lines.addAll(privacy.listReadsNaming("customer-list.read", List.of("\"" + customerId + "\"")));
            List<String> numbers = new ArrayList<>();
            List<SubjectData.TicketRecord> tickets = new ArrayList<>();
            for (Ticket t : s.getMapper(PrivacyMapper.class).ticketsOfCustomer(customerId)) {
                tickets.add(new SubjectData.TicketRecord(t, s.getMapper(InteractionMapper.class).forTicket(t.id()),
                        processes.of(t.number())));
                lines.addAll(audit.forEntity("ticket", t.number()));
                lines.addAll(audit.forEntity("access", "ticket/" + t.number()));
                lines.addAll(audit.forEntity("access", "ticket-quality/" + t.number()));
                numbers.add("\"" + t.number() + "\"");
            }
            if (!numbers.isEmpty()) {
                lines.addAll(privacy.listReadsNaming(null, numbers));
            }
            // an event found by two of the look-ups is listed once
            lines.sort(Comparator.comparing(AuditEvent::id));
            lines = new ArrayList<>(new java.util.LinkedHashSet<>(lines));
            return new SubjectData(c, List.copyOf(tickets), List.copyOf(lines));
        });
    }
}
