package io.careloop.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The baseline's {@code ticketProcess} bean: ticket-lifecycle.bpmn calls
 * {@code ${ticketProcess.classified(execution)}}, and here that only sets the four SLA timer dates
 * the "handle" task's boundary timers read (fixed offsets instead of business-time due dates), so
 * the baseline measures the engine's own work: the decisions, the task and its four timer jobs, with
 * no ticket row to update and no audit event.
 */
public final class NoOpTicketProcess {

    public void classified(DelegateExecution execution) {
        Instant now = Instant.now();
        execution.setVariable("firstResponseWarningAt", Date.from(now.plus(Duration.ofHours(3))));
        execution.setVariable("firstResponseDueAt", Date.from(now.plus(Duration.ofHours(4))));
        execution.setVariable("resolutionWarningAt", Date.from(now.plus(Duration.ofDays(2))));
        execution.setVariable("resolutionDueAt", Date.from(now.plus(Duration.ofDays(3))));
    }

    public void pvReviewed(DelegateExecution execution) {
        // never reached in the bench (nobody completes the review task)
    }

    public void autoClosed(DelegateExecution execution) {
        // never reached in the bench (the auto-close timer is days away and the job executor is off)
    }
}
