package io.careloop.engine.feedback;

import io.careloop.engine.outbox.OutboxMessage;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean feedback-loop.bpmn calls as {@code ${outbound.sendSurveyInvitation(execution)}} and
 * {@code ${outbound.sendSurveyReminder(execution)}}. It does not talk to a channel: it queues the
 * message in the outbox in the process's transaction (the agent's resolve, the reminder timer's
 * job), and the outbox sends it after commit, retrying a failing channel. So no customer is
 * invited for a resolution that rolled back, the agent does not wait for the mail server, and a
 * channel that throws cannot fail the resolve.
 */
public final class OutboundBean {

    public static final String NAME = "outbound";

    private volatile FeedbackService feedback;

    void bind(FeedbackService service) {
        this.feedback = Objects.requireNonNull(service);
    }

    public void sendSurveyInvitation(DelegateExecution execution) {
        feedback().queueSurveyMessage(execution.getBusinessKey(), OutboxMessage.SURVEY_INVITATION);
    }

    public void sendSurveyReminder(DelegateExecution execution) {
        feedback().queueSurveyMessage(execution.getBusinessKey(), OutboxMessage.SURVEY_REMINDER);
    }

    private FeedbackService feedback() {
        FeedbackService f = feedback;
        if (f == null) {
            throw new IllegalStateException("the outbound bean is not bound yet");
        }
        return f;
    }
}
