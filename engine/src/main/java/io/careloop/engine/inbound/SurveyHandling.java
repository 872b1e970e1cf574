package io.careloop.engine.inbound;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.feedback.FeedbackService;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.SurveyResponse;

/**
 * A survey response from a survey-import plugin: checked (the ticket exists, CSAT 1–5, NPS 0–10)
 * and handed to {@link FeedbackService#recordSurveyResponse}, the one path every response takes
 * (the REST route too): the same {@code survey} interaction and audit line, the same correlation
 * of message {@code survey-response} (a late response starts a late loop, so the follow-up call
 * 回访 opens the same way), idempotent per response id across both paths. A partial response is
 * recorded but not correlated: it does not close the loop.
 */
public final class SurveyHandling {

    private final Transactions tx;
    private final Ledgered ledgered;
    private final FeedbackService feedback;

    public SurveyHandling(Transactions tx, Ledgered ledgered, FeedbackService feedback) {
        this.tx = tx;
        this.ledgered = ledgered;
        this.feedback = feedback;
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
        boolean[] recorded = {false};
        IntakeOutcome outcome;
        try {
            outcome = ledgered.once(source, r.responseId(), r.completed() ? "survey" : "survey partial", t -> {
                recorded[0] = feedback.recordSurveyResponse(number, r.csat(), r.nps(), r.comment(), r.problemPersists(),
                        r.completed(), r.responseId(), r.submittedAt());
                return number;
            });
        } catch (InvalidInputException e) {
            return IntakeOutcome.rejected(e.field(), e.getMessage());
        }
        // recorded before under the same response id through the REST route: nothing new
        return outcome.isAccepted() && !recorded[0] ? IntakeOutcome.duplicate(number) : outcome;
    }
}
