package io.careloop.engine.privacy;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.TicketScope;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Customers as a given reader may see them: the masking rules of {@link PersonalData} applied with
 * the reader's data scope. A reader is "in scope" of a customer when at least one of the customer's
 * tickets is in their ticket scope ({@link Permissions#ticketScope}): the team that works the
 * customer's cases sees their contact data, other agents see it masked (docs/security.md, "Masking").
 */
public final class PersonalDataView {

    private final Transactions tx;

    public PersonalDataView(Transactions tx) {
        this.tx = tx;
    }

    public CustomerMasking.Masked customer(User reader, Customer c) {
        return CustomerMasking.forReader(c, inScope(reader, List.of(c)).contains(c.id()));
    }

    public List<CustomerMasking.Masked> customers(User reader, List<Customer> page) {
        Set<Long> visible = inScope(reader, page);
        return page.stream().map(c -> CustomerMasking.forReader(c, visible.contains(c.id()))).toList();
    }

    /** What {@code reader} sent to update {@code stored}, with masked values they sent back unchanged restored. */
    public CustomerDraft restoreMasked(User reader, Customer stored, CustomerDraft sent) {
        return CustomerMasking.restore(sent, stored, inScope(reader, List.of(stored)).contains(stored.id()));
    }

    private Set<Long> inScope(User reader, List<Customer> customers) {
        TicketScope scope = Permissions.ticketScope(reader);
        Set<Long> ids = new HashSet<>();
        customers.forEach(c -> ids.add(c.id()));
        if (scope.all() || ids.isEmpty()) {
            return ids;
        }
        return new HashSet<>(tx.read(s -> s.getMapper(PrivacyMapper.class).customersWithTicketsInScope(ids, scope)));
    }
}
