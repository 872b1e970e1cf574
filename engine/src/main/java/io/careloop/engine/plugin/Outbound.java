package io.careloop.engine.plugin;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.engine.ticket.TicketService;
import io.careloop.plugin.api.DeliveryReceipt;
import io.careloop.plugin.api.OutboundChannel;
import io.careloop.plugin.api.OutboundMessage;
import io.careloop.plugin.api.PluginSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to customers through the outbound channel of the channel a ticket came from. BPMN
 * calls it as {@code ${outbound.sendSurveyInvitation(execution)}} (bean {@value #BEAN}, business
 * key = ticket number, optional variable {@code surveyUrl}). A message is recorded on the ticket
 * as an outbound interaction with the message id the channel gave it (so that the customer's
 * reply threads back). When no started plugin serves the channel, the message is recorded as
 * not sent. When the channel fails, the failure is recorded as an incident and thrown, so that
 * the calling job's retries back off (make the service task asyncBefore with a retry time cycle).
 */
public final class Outbound {

    public static final String BEAN = "outbound";
    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);

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

    /** The BPMN entry point: invites the ticket's customer to the satisfaction survey. */
    public void sendSurveyInvitation(DelegateExecution execution) {
        Object url = execution.getVariable("surveyUrl");
        sendSurveyInvitation(execution.getBusinessKey(), url == null ? null : url.toString());
    }

    /**
     * Invites the ticket's customer to the survey through the ticket's channel.
     *
     * @return true when a channel took the message, false when it was recorded as not sent
     */
    public boolean sendSurveyInvitation(String ticketNumber, String surveyUrl) {
        Ticket ticket = tx.read(s -> s.getMapper(TicketMapper.class).findByNumber(ticketNumber));
        if (ticket == null) {
            throw new IllegalStateException("no ticket " + ticketNumber + " to invite to the survey");
        }
        Customer customer = ticket.customerId() == null ? null
                : tx.read(s -> s.getMapper(CustomerMapper.class).findById(ticket.customerId()));
        String body = "您的工单 " + ticketNumber + " 已处理完毕，请花一分钟评价我们的服务。\n"
                + "Your ticket " + ticketNumber + " has been resolved; please take a minute to rate our service."
                + (surveyUrl == null ? "" : "\n" + surveyUrl);
        OutboundMessage message = new OutboundMessage(OutboundMessage.Kind.SURVEY_INVITATION, ticketNumber,
                new OutboundMessage.Recipient(customer == null ? null : customer.name(),
                        customer == null ? null : customer.email(), customer == null ? null : customer.phone()),
                "[" + ticketNumber + "] 满意度调查 / How did we do?", body, surveyUrl, null, List.of(), List.of());
        return send(ticket, message, "ticket.survey-invited");
    }

    private boolean send(Ticket ticket, OutboundMessage message, String action) {
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
                            + ticket.number() + "; the job retries: " + e.getMessage(), e);
                }
                tickets.recordFromChannel(ticket.number(), "email".equals(channel) ? "email" : "reply", "outbound",
                        message.body(), "plugin:" + id, receipt == null ? null : receipt.messageId(), clock.instant(), action);
                LOG.info("outbound.sent ticket={} kind={} plugin={}", ticket.number(), message.kind(), id);
                return true;
            }
        }
        tickets.recordFromChannel(ticket.number(), "note", "internal", "未发送：没有插件服务渠道 " + channel
                + " / not sent: no plugin serves channel " + channel + " (" + message.kind() + ")", "system", null,
                clock.instant(), "ticket.noted");
        LOG.info("outbound.not-sent ticket={} kind={} channel={}", ticket.number(), message.kind(), channel);
        return false;
    }
}
