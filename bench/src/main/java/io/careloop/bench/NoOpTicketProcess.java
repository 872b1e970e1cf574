package io.careloop.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The baseline's {@code ticketProcess} bean: ticket-lifecycle.bpmn calls
 * {@code ${ticketProcess.classified(execution)}}, and here that does nothing, so the baseline
 * measures the engine alone (no ticket row to update, no audit event).
 */
public final class NoOpTicketProcess {

    public void classified(DelegateExecution execution) {
        // the engine's own work only
    }

    public void autoClosed(DelegateExecution execution) {
        // never reached in the bench (the auto-close timer is days away and the job executor is off)
    }
}
