package io.careloop.engine.plugin;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.feedback.OutboundPort;
import io.careloop.engine.outbox.OutboxDispatcher;
import io.careloop.engine.outbox.OutboxMapper;
import io.careloop.engine.outbox.OutboxMessage;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.engine.ticket.TicketService;
import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.Notification;
import io.careloop.plugin.api.OutboundChannel;
import io.careloop.plugin.api.OutboundMessage;
import io.careloop.plugin.api.PluginSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to customers through the outbound channel of the channel a ticket came from: the
 * {@link OutboundPort} behind the feedback loop's BPMN bean {@code outbound}
 * ({@link io.careloop.engine.feedback.OutboundBean}), which records on the ticket whether a message
 * went out. A message that went out is also recorded here, as an outbound interaction with the
 * message id the channel gave it, so that the customer's reply threads back. When no started plugin
 * serves the channel, the answer is "not sent" with the reason; when the channel fails, the failure
 * is recorded as an incident (PluginCalls) and thrown.
 */
public final class Outbound implements OutboundPort {

    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);
    private static final String REMINDER = "survey-reminder";

    private final PluginHost host;
    private final PluginCalls calls;
    private final Transactions tx;
    private final TicketService tickets;
    private final Clock clock;
    private final Duration limit;

    public Outbound(PluginHost host, PluginCalls calls, Transactions tx, TicketService tickets, Clock clock, Duration limit) {
        this.host = host;
        this.calls = calls;
        this.tx = tx;
        this.tickets = tickets;
        this.clock = clock;
        this.limit = limit;
    }

    /** The feedback loop's port: {@code kind} is {@code survey-invitation} or {@code survey-reminder}. */
    @Override
    public Delivery send(String ticketNumber, String channel, String kind) {
        return surveyMessage(ticketNumber, null, REMINDER.equals(kind));
    }

    /**
     * Invites the ticket's customer to the survey through the ticket's channel.
     *
     * @return true when a channel took the message, false when no plugin serves the channel
     */
    public boolean sendSurveyInvitation(String ticketNumber, String surveyUrl) {
        return surveyMessage(ticketNumber, surveyUrl, false).sent();
    }

    private Delivery surveyMessage(String ticketNumber, String surveyUrl, boolean reminder) {
        Ticket ticket = tx.read(s -> s.getMapper(TicketMapper.class).findByNumber(ticketNumber));
        if (ticket == null) {
            throw new IllegalStateException("no ticket " + ticketNumber + " to invite to the survey");
        }
        Customer customer = ticket.customerId() == null ? null
                : tx.read(s -> s.getMapper(CustomerMapper.class).findById(ticket.customerId()));
        String body = (reminder ? "提醒：" : "") + "您的工单 " + ticketNumber + " 已处理完毕，请花一分钟评价我们的服务。\n"
                + (reminder ? "Reminder: y" : "Y") + "our ticket " + ticketNumber
                + " has been resolved; please take a minute to rate our service."
                + (surveyUrl == null ? "" : "\n" + surveyUrl);
        String subject = "[" + ticketNumber + "] " + (reminder ? "提醒：满意度调查 / Reminder: how did we do?"
                : "满意度调查 / How did we do?");
        OutboundMessage message = new OutboundMessage(OutboundMessage.Kind.SURVEY_INVITATION, ticketNumber,
                new OutboundMessage.Recipient(customer == null ? null : customer.name(),
                        customer == null ? null : customer.email(), customer == null ? null : customer.phone()),
                subject, body, surveyUrl, null, List.of(), List.of());
        return send(ticket, message, reminder ? "ticket.survey-reminded" : "ticket.survey-invited");
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
     * The outbox's sender: an agent's reply, through the started plugin that serves the ticket's
     * channel, with the outbox row's idempotency key and the customer's last message id as
     * In-Reply-To. Throws when no plugin serves the channel now or the channel fails (the outbox retries).
     */
    public OutboxDispatcher.Sent sendReply(OutboxMessage m) {
        Ticket ticket = tx.read(s -> s.getMapper(TicketMapper.class).findByNumber(m.ticketNumber()));
        Customer customer = ticket.customerId() == null ? null
                : tx.read(s -> s.getMapper(CustomerMapper.class).findById(ticket.customerId()));
        String body = tx.read(s -> s.getMapper(OutboxMapper.class).body(m.interactionId()));
        for (String id : host.started()) {
            for (OutboundChannel c : host.outbound(id)) {
                if (!m.channel().equals(c.channel())) {
                    continue;
                }
                String inReplyTo = tx.read(s -> {
                    String last = s.getMapper(OutboxMapper.class).lastCustomerMessageId(m.ticketNumber());
                    // the message that opened the ticket, when this plugin took it in
                    return last != null || !id.equals(ticket.source()) ? last
                            : s.getMapper(OutboxMapper.class).openingKey(m.ticketNumber());
                });
                OutboundMessage message = new OutboundMessage(OutboundMessage.Kind.REPLY, ticket.number(),
                        new OutboundMessage.Recipient(customer == null ? null : customer.name(),
                                customer == null ? null : customer.email(), customer == null ? null : customer.phone()),
                        "Re: " + ticket.subject(), body, null, inReplyTo, List.of(), List.of(), m.idempotencyKey());
                PluginSettings settings = host.settingsOf(id);
                DeliveryReceipt receipt;
                try {
                    receipt = calls.call(id, "send REPLY " + ticket.number(), host.loaderOf(id), limit,
                            () -> c.send(message, settings));
                } catch (PluginCalls.PluginCallException e) {
                    throw new IllegalStateException("plugin " + id + " could not send: " + e.getMessage(), e);
                }
                return new OutboxDispatcher.Sent(id, receipt == null ? null : receipt.messageId());
            }
        }
        throw new IllegalStateException("no started plugin serves channel " + m.channel());
    }

    private Delivery send(Ticket ticket, OutboundMessage message, String action) {
        String channel = ticket.channel().code();
        for (String id : host.started()) {
            for (OutboundChannel c : host.outbound(id)) {
                if (!channel.equals(c.channel())) {
                    continue;
                }
                PluginSettings settings = host.settingsOf(id);
                DeliveryReceipt receipt;
                try {
                    receipt = calls.call(id, "send " + message.kind() + " " + ticket.number(), host.loaderOf(id), limit,
                            () -> c.send(message, settings));
                } catch (PluginCalls.PluginCallException e) {
                    throw new IllegalStateException("channel " + channel + " (plugin " + id + ") could not send to "
                            + ticket.number() + ": " + e.getMessage(), e);
                }
                String messageId = receipt == null ? null : receipt.messageId();
                tickets.recordFromChannel(ticket.number(), "email".equals(channel) ? "email" : "reply", "outbound",
                        message.body(), "plugin:" + id, messageId, clock.instant(), action);
                LOG.info("outbound.sent ticket={} kind={} plugin={}", ticket.number(), message.kind(), id);
                return new Delivery(true, "through plugin " + id + (messageId == null ? "" : " as " + messageId));
            }
        }
        LOG.info("outbound.not-sent ticket={} kind={} channel={}", ticket.number(), message.kind(), channel);
        return new Delivery(false, "no plugin serves channel " + channel);
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
