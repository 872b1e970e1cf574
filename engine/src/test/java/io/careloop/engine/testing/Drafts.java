package io.careloop.engine.testing;

import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import java.util.UUID;

/** Inbound items and customers as a channel would describe them, for tests. */
public final class Drafts {

    private Drafts() {
    }

    /** A ticket with category and severity given, no customer. */
    public static TicketDraft ticket(String subject, Category category, Severity severity) {
        return new TicketDraft(subject, "described: " + subject, Channel.EMAIL, category, severity, null, null,
                null, null, null);
    }

    /** A ticket with category and severity given, from an existing customer. */
    public static TicketDraft ticket(String subject, Category category, Severity severity, long customerId) {
        return new TicketDraft(subject, "described: " + subject, Channel.EMAIL, category, severity, customerId, null,
                null, null, null);
    }

    /** A ticket from a customer to match or create. */
    public static TicketDraft ticket(String subject, CustomerDraft customer) {
        return new TicketDraft(subject, "described: " + subject, Channel.EMAIL, Category.SERVICE_PROCESS, Severity.LOW,
                null, customer, null, null, null);
    }

    /** A tier-B doctor with this e-mail address and no phone. */
    public static CustomerDraft doctor(String name, String email) {
        return new CustomerDraft(CustomerType.DOCTOR, Tier.B, name, "协和医院", "心内科", email, null, null);
    }

    /** A key no other test uses: a source key, an e-mail local part, a text marker. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
