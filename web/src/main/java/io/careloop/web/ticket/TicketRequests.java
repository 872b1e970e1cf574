package io.careloop.web.ticket;

import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import io.careloop.web.customer.CustomerRequest;
import java.time.Instant;

/** The JSON bodies of the ticket routes. */
final class TicketRequests {

    private TicketRequests() {
    }

    record Create(String subject, String description, String channel, String category, String severity,
                  Long customerId, CustomerRequest customer, String product, String lot, Instant receivedAt) {

        TicketDraft toDraft() {
            Channel ch = Channel.fromCode(channel);
            if (ch == null) {
                throw new io.careloop.engine.error.InvalidInputException("channel", "channel is required; expected one of: email, phone, web, chat, visit, survey, api");
            }
            return new TicketDraft(subject, description, ch, Category.fromCode(category), Severity.fromCode(severity),
                    customerId, customer == null ? null : customer.toDraft(), product, lot, receivedAt);
        }
    }

    record Versioned(Integer version) {
    }

    record Text(String body, Integer version) {
    }

    record Reclassify(String category, String severity, String reason, Integer version) {
    }

    /** {@code reason}: required on regulated records unless {@code resolution} (the final reply) says it. */
    record Resolve(String resolution, Integer version, String reason) {
    }

    /** {@code reason}: required on regulated records. */
    record Close(Integer version, String reason) {
    }

    record Reopen(String reason, Integer version) {
    }

    record Assign(String assignee, Integer version) {
    }

    record Wait(String reason, Integer version) {
    }

    record Escalate(String reason, Integer version) {
    }

    record PvReview(String outcome, Integer version) {
    }
}
