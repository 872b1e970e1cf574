package io.careloop.plugin.email.thread;

import java.util.List;
import java.util.Objects;

/**
 * The decision on one message and what it rests on.
 *
 * @param decision         what the message does
 * @param ticketNumber     the ticket it belongs to (reply, or the ticket a bounce returns); may be null
 * @param reason           why, in words for the import log (which header, which rule)
 * @param bouncedMessageId for a bounce: the Message-ID of our message that came back; may be null
 * @param failingAddresses for a bounce: the recipients that failed, to be marked as failing
 */
public record Classification(Decision decision, String ticketNumber, String reason,
                             String bouncedMessageId, List<String> failingAddresses) {

    public Classification {
        Objects.requireNonNull(decision, "decision");
        failingAddresses = List.copyOf(failingAddresses);
    }

    /** True when the message may open a ticket or be answered (never for noise or loops). */
    public boolean mayTriggerReply() {
        return decision == Decision.NEW_TICKET || decision == Decision.REPLY;
    }
}
