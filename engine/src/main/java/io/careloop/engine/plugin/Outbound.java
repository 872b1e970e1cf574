package io.careloop.engine.plugin;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.feedback.SurveyMessage;
import io.careloop.engine.outbox.OutboxDispatcher;
import io.careloop.engine.outbox.OutboxMapper;
import io.careloop.engine.outbox.OutboxMessage;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.Notification;
import io.careloop.plugin.api.OutboundChannel;
import io.careloop.plugin.api.OutboundMessage;
import io.careloop.plugin.api.PluginSettings;
import java.time.Duration;
import java.util.List;

/**
 * Messages to customers through the outbound channel of the channel a ticket came from: the
 * outbox's sender ({@link #sendQueued}) for agents' replies and the feedback loop's survey
 * invitations and reminders, and notifications tied to no ticket. A message is handed to the started
 * plugin that serves the ticket's channel, with the outbox row's idempotency key; when none serves
 * it, or the channel fails (recorded as an incident by PluginCalls), this throws and the outbox
 * tries again later.
 */
public final class Outbound {

    private final PluginHost host;
    private final PluginCalls calls;
    private final Transactions tx;
    private final Duration limit;

    public Outbound(PluginHost host, PluginCalls calls, Transactions tx, Duration limit) {
        this.host = host;
        this.calls = calls;
        this.tx = tx;
        this.limit = limit;
    }

    /** True when a started plugin has an outbound channel for {@code channel}. */
    public boolean serves(String channel) {
        for (String id : host.started()) {
            for (OutboundChannel c : host.outbound(id)) {
                if (channel.equals(c.channel())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The outbox's sender: the queued message (its text is its interaction's body) through the started
     * plugin that serves its channel. A reply answers the customer's last message (In-Reply-To); a
     * survey message carries the survey's subject. Throws when no plugin serves the channel now or the
     * channel fails (the outbox retries).
     */
    public OutboxDispatcher.Sent sendQueued(OutboxMessage m) {
        Ticket ticket = tx.read(s -> s.getMapper(TicketMapper.class).findByNumber(m.ticketNumber()));
        Customer customer = ticket.customerId() == null ? null
                : tx.read(s -> s.getMapper(CustomerMapper.class).findById(ticket.customerId()));
        String body = tx.read(s -> s.getMapper(OutboxMapper.class).body(m.interactionId()));
        OutboundMessage.Recipient to = new OutboundMessage.Recipient(customer == null ? null : customer.name(),
                customer == null ? null : customer.email(), customer == null ? null : customer.phone());
        boolean survey = SurveyMessage.isSurvey(m.kind());
        for (String id : host.started()) {
            for (OutboundChannel c : host.outbound(id)) {
                if (!m.channel().equals(c.channel())) {
                    continue;
                }
                OutboundMessage message = survey
                        ? new OutboundMessage(OutboundMessage.Kind.SURVEY_INVITATION, ticket.number(), to,
                                SurveyMessage.subject(ticket.number(), m.kind()), body, null, null, List.of(), List.of(),
                                m.idempotencyKey())
                        : new OutboundMessage(OutboundMessage.Kind.REPLY, ticket.number(), to, "Re: " + ticket.subject(),
                                body, null, inReplyTo(ticket, id), List.of(), List.of(), m.idempotencyKey());
                PluginSettings settings = host.settingsOf(id);
                DeliveryReceipt receipt;
                try {
                    receipt = calls.call(id, "send " + m.kind() + " " + ticket.number(), host.loaderOf(id), limit,
                            () -> c.send(message, settings));
                } catch (PluginCalls.PluginCallException e) {
                    throw new IllegalStateException("plugin " + id + " could not send: " + e.getMessage(), e);
                }
                return new OutboxDispatcher.Sent(id, receipt == null ? null : receipt.messageId());
            }
        }
        throw new IllegalStateException("no started plugin serves channel " + m.channel());
    }

    /** The customer's newest message on the ticket, or the one that opened it when plugin {@code id} took it in. */
    private String inReplyTo(Ticket ticket, String id) {
        return tx.read(s -> {
            String last = s.getMapper(OutboxMapper.class).lastCustomerMessageId(ticket.number());
            return last != null || !id.equals(ticket.source()) ? last
                    : s.getMapper(OutboxMapper.class).openingKey(ticket.number());
        });
    }

    /**
     * Sends a message tied to no ticket (the weekly report) through the first started plugin whose
     * e-mail channel sends notifications (plugin API 1.1.0).
     *
     * @throws IllegalStateException when no plugin sends notifications, or the channel failed (also
     *                               recorded as a plugin call failure)
     */
    public DeliveryReceipt sendNotification(Notification notification) {
        for (String id : host.started()) {
            for (OutboundChannel c : host.outbound(id)) {
                if (!"email".equals(c.channel()) || !c.sendsNotifications()) {
                    continue;
                }
                PluginSettings settings = host.settingsOf(id);
                try {
                    return calls.call(id, "send notification " + notification.key(), host.loaderOf(id), limit,
                            () -> c.sendNotification(notification, settings));
                } catch (PluginCalls.PluginCallException e) {
                    throw new IllegalStateException("plugin " + id + " could not send " + notification.key() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException("no started plugin sends e-mail notifications (plugin API 1.1.0)");
    }
}
