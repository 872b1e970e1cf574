package io.careloop.engine.feedback;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The bean {@code feedback} of ticket-lifecycle.bpmn and feedback-loop.bpmn; holds no logic of its own. */
public final class FeedbackBean {

    public static final String NAME = "feedback";

    private volatile FeedbackService service;

    void bind(FeedbackService s) {
        this.service = Objects.requireNonNull(s);
    }

    /** ticket-lifecycle's start-feedback-loop: one feedback-loop instance per resolution. */
    public void start(DelegateExecution execution) {
        service().startLoop(execution.getBusinessKey(), (String) execution.getVariable("channel"),
                (String) execution.getVariable("category"), (String) execution.getVariable("tier"));
    }

    public void noResponse(DelegateExecution execution) {
        service().noResponse(execution.getBusinessKey(), (String) execution.getVariable("surveyResponseWindow"));
    }

    public void reopenTicket(DelegateExecution execution) {
        service().reopenForPersistingProblem(execution.getBusinessKey(), (String) execution.getVariable("comment"));
    }

    public void followUpDone(DelegateExecution execution) {
        service().followUpDone(execution.getBusinessKey(), (String) execution.getVariable("followUpBy"),
                (String) execution.getVariable("followUpNote"));
    }

    private FeedbackService service() {
        FeedbackService s = service;
        if (s == null) {
            throw new IllegalStateException("the feedback bean is not bound yet");
        }
        return s;
    }
}
