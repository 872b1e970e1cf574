package io.careloop.engine.inbound;

import io.careloop.engine.attachment.TicketAttachments;
import io.careloop.engine.intake.IntakeResult;
import io.careloop.engine.intake.IntakeService;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.TicketService;
import io.careloop.plugin.api.CustomerReply;
import io.careloop.plugin.api.IntakeOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's reply: placed on its ticket by the threading hints (ticket number, then
 * In-Reply-To, then References newest first, looked up among the message ids recorded on
 * interactions and in the import ledger) and recorded as an inbound interaction. A ticket that
 * was waiting on the customer is handed to {@link #resumeWaiting}, the SLA resume path. A reply
 * that matches no ticket opens one.
 */
public final class ReplyHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyHandling.class);

    private final Transactions tx;
    private final Ledgered ledgered;
    private final IntakeService intake;
    private final TicketService tickets;
    private final Clock clock;
    private final TicketAttachments attachments;
    private volatile BiConsumer<String, String> resumeWaiting = (ticket, actor) ->
            LOG.info("ticket.waiting-reply ticket={} (no SLA resume path wired: see ReplyHandling.resumeWaitingWith)", ticket);

    public ReplyHandling(Transactions tx, Ledgered ledgered, IntakeService intake, TicketService tickets, Clock clock,
                         TicketAttachments attachments) {
        this.attachments = attachments;
        this.tx = tx;
        this.ledgered = ledgered;
        this.intake = intake;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * HOOK for the SLA resume path (issue 3): called with (ticket number, actor) in the reply's
     * transaction when the reply lands on a {@code waiting} ticket. The composition root wires
     * TicketService's resume here once it exists; until then the reply is recorded and logged.
     */
    public void resumeWaitingWith(BiConsumer<String, String> resume) {
        this.resumeWaiting = resume;
    }

    IntakeOutcome handle(String source, CustomerReply reply, String actor) {
        String key = reply.sourceKey() != null ? reply.sourceKey() : reply.messageId();
        if (key != null) {
            IntakeOutcome earlier = ledgered.seen(source, key);
            if (earlier != null) {
                return earlier;
            }
        }
        String number = findTicket(reply);
        List<TicketAttachments.Staged> files = attachments.stage(reply.attachments());
        if (number == null) {
            String subject = reply.subject() == null || reply.subject().isBlank() ? "(no subject)" : reply.subject();
            IntakeResult r = intake.intake(new TicketDraft(subject, reply.body(), Channel.fromCode(reply.channel()), null,
                    null, null, InboundItems.customer(reply.customer()), null, null, reply.receivedAt()), source, key, actor,
                    (t, ticket) -> attachments.record(t, ticket, files, source));
            return r.duplicate() ? IntakeOutcome.duplicate(r.ticket().number()) : IntakeOutcome.accepted(r.ticket().number());
        }
        Instant at = reply.receivedAt() != null ? reply.receivedAt() : clock.instant();
        String kind = "email".equals(reply.channel()) ? "email" : "reply";
        String author = reply.customer() == null ? actor
                : firstOf(reply.customer().name(), reply.customer().email(), reply.customer().phone());
        String body = reply.subject() == null || reply.subject().isBlank() ? reply.body() : reply.subject() + "\n\n" + reply.body();
        String workKey = key != null ? key : "reply:" + number + ":" + body.hashCode() + ":" + at;
        return ledgered.once(source, workKey, "reply", t -> {
            String status = t.mapper(InboundMapper.class).statusOf(number);
            tickets.recordFromChannel(number, kind, "inbound", body, author, reply.messageId(), at, "ticket.customer-replied");
            attachments.record(t, number, files, source);
            if ("waiting".equals(status)) {
                resumeWaiting.accept(number, actor);
            }
            return number;
        });
    }

    /** Records a message id a new ticket came with, so replies to it find the ticket. */
    void rememberMessageId(String ticketNumber, String messageId, String actor) {
        tickets.recordFromChannel(ticketNumber, "note", "internal", "message id " + messageId, actor, messageId,
                clock.instant(), "ticket.noted");
    }

    private String findTicket(CustomerReply reply) {
        return tx.read(s -> {
            InboundMapper m = s.getMapper(InboundMapper.class);
            if (reply.ticketNumber() != null && m.statusOf(reply.ticketNumber().strip()) != null) {
                return reply.ticketNumber().strip();
            }
            for (String id : InboundItems.threadIds(reply)) {
                String n = m.ticketByInteractionId(id);
                if (n == null) {
                    n = m.ticketByLedgerKey(id);
                }
                if (n != null) {
                    return n;
                }
            }
            return null;
        });
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.length() > 200 ? v.substring(0, 200) : v;
            }
        }
        return null;
    }
}
