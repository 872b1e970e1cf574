package io.careloop.engine.feedback;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean feedback-loop.bpmn calls as {@code ${outbound.sendSurveyInvitation(execution)}} and
 * {@code ${outbound.sendSurveyReminder(execution)}}: hands the message to the {@link OutboundPort}
 * and records on the ticket whether it went out.
 */
public final class OutboundBean {

    public static final String NAME = "outbound";

    private volatile OutboundPort port = OutboundPort.NONE;
    private volatile FeedbackService feedback;

    /** The plugin host binds its channels here; null goes back to "not sent". */
    public void bindPort(OutboundPort newPort) {
        this.port = newPort == null ? OutboundPort.NONE : newPort;
    }

    void bind(FeedbackService service) {
        this.feedback = Objects.requireNonNull(service);
    }

    public void sendSurveyInvitation(DelegateExecution execution) {
        send(execution, "survey-invitation");
    }

    public void sendSurveyReminder(DelegateExecution execution) {
        send(execution, "survey-reminder");
    }

    private void send(DelegateExecution execution, String kind) {
        String ticket = execution.getBusinessKey();
        OutboundPort.Delivery d;
        try {
            d = port.send(ticket, (String) execution.getVariable("channel"), kind);
        } catch (RuntimeException e) {
            // a failing channel must not stop the loop: the survey simply was not sent
            d = new OutboundPort.Delivery(false, "the channel failed: " + e.getClass().getSimpleName());
        }
        feedback.recordOutbound(ticket, kind, d);
    }
}
