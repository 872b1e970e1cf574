package io.careloop.engine.feedback;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean feedback-loop.bpmn calls as {@code ${outbound.sendSurveyInvitation(execution)}} and
 * {@code ${outbound.sendSurveyReminder(execution)}}: hands the message to the {@link OutboundPort}
 * and records on the ticket whether it went out. The invitation task is asynchronous (its own job,
 * after the resolution has committed), so no customer is invited for a resolution that rolled back
 * and the agent's request does not wait for the mail server. Each message carries an idempotency
 * key made of the process instance and the task, so a job run again after a crash between the
 * hand-over and its commit sends a copy with the same Message-ID, which the receiver recognises.
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
            d = port.send(ticket, (String) execution.getVariable("channel"), kind, idempotencyKey(execution, kind));
        } catch (RuntimeException e) {
            // a failing channel must not stop the loop: the survey simply was not sent
            d = new OutboundPort.Delivery(false, "the channel failed: " + e.getClass().getSimpleName());
        }
        feedback.recordOutbound(ticket, kind, d);
    }

    /** {@code kind.processInstanceId.activityId}, in the characters a plugin accepts, at most 100 of them. */
    static String idempotencyKey(DelegateExecution execution, String kind) {
        String key = (kind + "." + execution.getProcessInstanceId() + "." + execution.getCurrentActivityId())
                .replaceAll("[^A-Za-z0-9.-]", "-");
        return key.length() > 100 ? key.substring(0, 100) : key;
    }
}
