package io.careloop.engine.inbound;

import io.careloop.engine.attachment.TicketAttachments;
import io.careloop.engine.customer.ContactPoints;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.intake.IntakeResult;
import io.careloop.engine.intake.IntakeService;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.CustomerReply;
import io.careloop.plugin.api.InboundCustomer;
import io.careloop.plugin.api.InboundItem;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.SurveyResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine side of every inbound item a channel hands in: a new ticket goes through
 * {@link IntakeService}; a customer reply, a call and a survey response are recorded on their
 * ticket ({@link CallHandling}, {@link SurveyHandling}), each in one transaction with its row
 * in the import ledger, so that the same item a second time changes nothing. Bad input is
 * answered as a rejection with the field, never thrown.
 */
public final class InboundItems {

    private final IntakeService intake;
    private final CallHandling calls;
    private final ReplyHandling replies;
    private final SurveyHandling surveys;
    private final TicketAttachments attachments;
    private final ContactPoints contactPoints;

    public InboundItems(IntakeService intake, CallHandling calls, ReplyHandling replies,
                        SurveyHandling surveys, TicketAttachments attachments, ContactPoints contactPoints) {
        this.attachments = attachments;
        this.contactPoints = contactPoints;
        this.intake = intake;
        this.calls = calls;
        this.replies = replies;
        this.surveys = surveys;
    }

    /**
     * Takes in one item from {@code source} (a plugin id).
     *
     * @param actor who hands it in, for the audit trail (e.g. {@code plugin:phone-log})
     */
    public IntakeOutcome accept(String source, InboundItem item, String actor) {
        try {
            if (item instanceof NewTicket t) {
                return newTicket(source, t, actor);
            } else if (item instanceof CallRecord c) {
                return calls.handle(source, c, actor);
            } else if (item instanceof CustomerReply r) {
                return replies.handle(source, r, actor);
            } else if (item instanceof SurveyResponse s) {
                return surveys.handle(source, s, actor);
            }
            return IntakeOutcome.rejected("this engine does not take " + item.getClass().getSimpleName() + " items");
        } catch (InvalidInputException e) {
            return IntakeOutcome.rejected(e.field(), e.getMessage());
        } catch (NotFoundException e) {
            return IntakeOutcome.rejected(e.getMessage());
        }
    }

    /** A channel's report that a message to {@code address} bounced: the address is marked failing. */
    public void deliveryFailed(String channel, String address, String messageId, String reason, String actor) {
        contactPoints.markFailing(channel, address, messageId, reason, actor);
    }

    /** Opens a ticket for a channel's item through intake. */
    public IntakeOutcome newTicket(String source, NewTicket item, String actor) {
        TicketDraft draft = new TicketDraft(item.subject(), item.description(), Channel.fromCode(item.channel()),
                Category.fromCode(item.category()), Severity.fromCode(item.severity()), null,
                customer(item.customer()), item.product(), item.lot(), item.receivedAt());
        // a file is streamed to disk before the transaction; an item seen before stages nothing
        boolean seen = item.sourceKey() != null && intake.seen(source, item.sourceKey());
        List<TicketAttachments.Staged> files = seen ? List.of() : attachments.stage(item.attachments());
        IntakeResult r = intake.intake(draft, source, item.sourceKey(), actor,
                (t, number) -> attachments.record(t, number, files, source));
        if (!r.duplicate() && item.messageId() != null && !item.messageId().equals(item.sourceKey())) {
            // the ledger already finds the ticket by its source key; a distinct message id is recorded too
            replies.rememberMessageId(r.ticket().number(), item.messageId(), actor);
        }
        return r.duplicate() ? IntakeOutcome.duplicate(r.ticket().number()) : IntakeOutcome.accepted(r.ticket().number());
    }

    /** A channel's description of the sender, as intake's draft; null stays null. */
    static CustomerDraft customer(InboundCustomer c) {
        if (c == null) {
            return null;
        }
        return new CustomerDraft(CustomerType.fromCode(c.type()), Tier.fromCode(c.tier()), c.name(), c.organisation(),
                c.department(), c.email(), c.phone(), null);
    }

    /** The message ids a reply names, most specific first: In-Reply-To, then References newest first. */
    static List<String> threadIds(CustomerReply r) {
        List<String> ids = new ArrayList<>();
        if (r.inReplyTo() != null && !r.inReplyTo().isBlank()) {
            ids.add(r.inReplyTo().strip());
        }
        for (int i = r.references().size() - 1; i >= 0; i--) {
            String id = r.references().get(i);
            if (id != null && !id.isBlank() && !ids.contains(id.strip())) {
                ids.add(id.strip());
            }
        }
        return ids;
    }
}
