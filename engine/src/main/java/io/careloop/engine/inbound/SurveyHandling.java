package io.careloop.engine.inbound;

import io.careloop.engine.process.Transactions;
import io.careloop.engine.report.ReportMapper;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.engine.ticket.TicketService;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.SurveyResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A survey response: checked (the ticket exists, CSAT 1–5, NPS 0–10), recorded as a
 * {@code survey} interaction on the ticket, and, when the ticket's process waits for it,
 * correlated as BPMN message {@value #MESSAGE} with the variables of /work/contracts.md:
 * {@code csat}, {@code nps}, {@code comment}, {@code problemPersists}, {@code surveyCompleted}.
 * A partial response is recorded but not correlated: it does not close the loop.
 */
public final class SurveyHandling {

    public static final String MESSAGE = "survey-response";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyHandling.class);

    private final Transactions tx;
    private final Ledgered ledgered;
    private final TicketService tickets;
    private final RuntimeService runtime;
    private final Clock clock;

    public SurveyHandling(Transactions tx, Ledgered ledgered, TicketService tickets, RuntimeService runtime, Clock clock) {
        this.tx = tx;
        this.ledgered = ledgered;
        this.tickets = tickets;
        this.runtime = runtime;
        this.clock = clock;
    }

    IntakeOutcome handle(String source, SurveyResponse r, String actor) {
        IntakeOutcome earlier = ledgered.seen(source, r.responseId());
        if (earlier != null) {
            return earlier;
        }
        if (r.ticketNumber() == null || r.ticketNumber().isBlank()) {
            return IntakeOutcome.rejected("ticketNumber", "the response names no ticket");
        }
        String number = r.ticketNumber().strip();
        Ticket ticket = tx.read(s -> s.getMapper(TicketMapper.class).findByNumber(number));
        if (ticket == null) {
            return IntakeOutcome.rejected("ticketNumber", "no ticket " + number);
        }
        if (r.csat() != null && (r.csat() < 1 || r.csat() > 5)) {
            return IntakeOutcome.rejected("csat", "CSAT must be 1 to 5, got " + r.csat());
        }
        if (r.nps() != null && (r.nps() < 0 || r.nps() > 10)) {
            return IntakeOutcome.rejected("nps", "NPS must be 0 to 10, got " + r.nps());
        }
        Instant at = r.submittedAt() != null ? r.submittedAt() : clock.instant();
        return ledgered.once(source, r.responseId(), r.completed() ? "survey" : "survey partial", t -> {
            tickets.recordFromChannel(number, "survey", "inbound", describe(r), actor, r.responseId(), at,
                    "ticket.survey-received");
            t.mapper(ReportMapper.class).insertSurveyFact(ticket.id(), r.completed() ? "response" : "partial", r.csat(),
                    r.nps(), at);
            if (r.completed() && ticket.processInstanceId() != null && waitsForSurvey(ticket.processInstanceId())) {
                runtime.createMessageCorrelation(MESSAGE).processInstanceId(ticket.processInstanceId())
                        .setVariables(variables(r)).correlate();
                t.afterCommit(() -> LOG.info("survey.correlated ticket={} response={}", number, r.responseId()));
            }
            return number;
        });
    }

    private boolean waitsForSurvey(String processInstanceId) {
        return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
                .eventName(MESSAGE).count() > 0;
    }

    /** The process variables of the contract. */
    static Map<String, Object> variables(SurveyResponse r) {
        Map<String, Object> v = new HashMap<>();
        v.put("csat", r.csat());
        v.put("nps", r.nps());
        v.put("comment", r.comment() == null ? "" : r.comment());
        v.put("problemPersists", r.problemPersists());
        v.put("surveyCompleted", r.completed());
        return v;
    }

    /** The interaction text an agent reads on the timeline. */
    static String describe(SurveyResponse r) {
        StringBuilder b = new StringBuilder(r.completed() ? "满意度调查 Survey" : "满意度调查（未完成）Survey (partial)");
        if (r.csat() != null) {
            b.append(" · CSAT ").append(r.csat());
        }
        if (r.nps() != null) {
            b.append(" · NPS ").append(r.nps());
        }
        if (r.problemPersists() != null) {
            b.append(r.problemPersists() ? " · 问题未解决 problem persists" : " · 问题已解决 problem solved");
        }
        if (r.comment() != null && !r.comment().isBlank()) {
            b.append("\n\n").append(r.comment());
        }
        return b.toString();
    }
}
