package io.careloop.engine.pv;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean {@code adverseEvent} of ticket-lifecycle.bpmn ({@code open-case}) and
 * adverse-event-case.bpmn; turns variables into calls of {@link AdverseEventService}.
 */
public final class AdverseEventBean {

    public static final String NAME = "adverseEvent";

    private volatile AdverseEventService service;

    void bind(AdverseEventService s) {
        this.service = Objects.requireNonNull(s);
    }

    public void open(DelegateExecution execution) {
        service().open(execution.getBusinessKey());
    }

    /** Due = Day 0 + reportWithin in calendar time (never paused); reminders at 50 % and 80 % of it. */
    public void clockSet(DelegateExecution execution) {
        Instant day0 = ((Date) execution.getVariable("day0")).toInstant();
        Duration within = Duration.parse((String) execution.getVariable("reportWithin"));
        Instant due = day0.plus(within);
        execution.setVariable("regulatoryDueAt", Date.from(due));
        execution.setVariable("reminder50At", Date.from(day0.plus(within.multipliedBy(50).dividedBy(100))));
        execution.setVariable("reminder80At", Date.from(day0.plus(within.multipliedBy(80).dividedBy(100))));
        service().clockSet(execution.getBusinessKey(), due, (String) execution.getVariable("seriousness"),
                (String) execution.getVariable("market"), within);
    }

    public void followUpRecorded(DelegateExecution execution) {
        service().followUpRecorded(execution.getBusinessKey(), (String) execution.getVariable("followUpNote"));
    }

    public void reminder(DelegateExecution execution, int percent) {
        service().reminder(execution.getBusinessKey(), percent, ((Date) execution.getVariable("regulatoryDueAt")).toInstant());
    }

    public void breached(DelegateExecution execution) {
        service().breached(execution.getBusinessKey(), ((Date) execution.getVariable("regulatoryDueAt")).toInstant());
    }

    public void submitted(DelegateExecution execution) {
        service().submitted(execution.getBusinessKey(), (String) execution.getVariable("submissionRef"));
    }

    private AdverseEventService service() {
        AdverseEventService s = service;
        if (s == null) {
            throw new IllegalStateException("the adverseEvent bean is not bound yet");
        }
        return s;
    }
}
