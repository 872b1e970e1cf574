package io.careloop.engine.intake;

import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import java.time.Instant;

/**
 * A new ticket as a client or a channel describes it. Category and severity may be absent: the
 * process then derives them. Give a customer by id or describe one (matched or created).
 */
public record TicketDraft(String subject, String description, Channel channel, Category category, Severity severity,
                          Long customerId, CustomerDraft customer, String product, String lot, Instant receivedAt) {

    public TicketDraft {
        if (subject == null || subject.isBlank()) {
            throw new InvalidInputException("subject", "subject is required");
        }
        subject = subject.strip();
        if (subject.length() > 500) {
            throw new InvalidInputException("subject", "subject is longer than 500 characters");
        }
        description = description == null ? "" : description;
        if (description.length() > 100_000) {
            throw new InvalidInputException("description", "description is longer than 100000 characters");
        }
        if (channel == null) {
            throw new InvalidInputException("channel", "channel is required");
        }
        if (customerId != null && customer != null) {
            throw new InvalidInputException("customer", "give customerId or customer, not both");
        }
        product = blankToNull(product, 200, "product");
        lot = blankToNull(lot, 100, "lot");
    }

    /** The text the process categorises when no category was given. */
    public String text() {
        return subject + "\n" + description;
    }

    private static String blankToNull(String v, int max, String field) {
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return v.strip();
    }
}
