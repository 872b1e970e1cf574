package io.careloop.engine.process;

import io.careloop.engine.sla.SlaMode;
import io.careloop.engine.sla.SlaTimers;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Classification;
import io.careloop.engine.ticket.Priority;
import io.careloop.engine.ticket.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean ticket-lifecycle.bpmn calls as {@code ${ticketProcess.…(execution)}}. It turns process
 * variables into domain values and hands them to the ticket service; it holds no logic of its own.
 * Bound after the engine is built, because the ticket service needs the engine first.
 */
public final class TicketProcessBean {

    public static final String NAME = "ticketProcess";

    private volatile ProcessCallbacks callbacks;

    void bind(ProcessCallbacks callbacks) {
        this.callbacks = Objects.requireNonNull(callbacks);
    }

    public void classified(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable("classification");
        if (result == null) {
            throw new IllegalStateException("classify-ticket gave no result for " + execution.getBusinessKey());
        }
        boolean suspected = Boolean.TRUE.equals(execution.getVariable("adverseEventSuspected"));
        SlaTimers timers = callbacks().classified(execution.getBusinessKey(), execution.getProcessInstanceId(), toClassification(
                (String) execution.getVariable("category"), (String) execution.getVariable("severity"), result), suspected);
        execution.setVariables(TicketProcess.timerVariables(timers));
    }

    public void slaWarning(DelegateExecution execution, String clock) {
        callbacks().slaWarning(execution.getBusinessKey(), clock);
    }

    public void slaBreached(DelegateExecution execution, String clock) {
        callbacks().slaBreached(execution.getBusinessKey(), clock);
    }

    public void pvReviewed(DelegateExecution execution) {
        callbacks().pvReviewed(execution.getBusinessKey(), (String) execution.getVariable("pvOutcome"),
                (String) execution.getVariable("pvReviewer"));
    }

    public void autoClosed(DelegateExecution execution) {
        callbacks().autoClosed(execution.getBusinessKey());
    }

    static Classification toClassification(String category, String severity, Map<String, Object> result) {
        return new Classification(
                Category.fromCode(category),
                Severity.fromCode(severity),
                Priority.fromCode((String) result.get("priority")),
                (String) result.get("queue"),
                Duration.parse((String) result.get("firstResponseTarget")),
                Duration.parse((String) result.get("resolutionTarget")),
                "calendar".equals(result.get("slaMode")) ? SlaMode.CALENDAR : SlaMode.BUSINESS,
                result.get("warningFraction") instanceof Number n ? n.doubleValue() : Classification.DEFAULT_WARNING_FRACTION);
    }

    private ProcessCallbacks callbacks() {
        ProcessCallbacks c = callbacks;
        if (c == null) {
            throw new IllegalStateException("the ticketProcess bean is not bound to a ticket service yet");
        }
        return c;
    }
}
