package io.careloop.engine.quality;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean {@code qualityComplaint} of ticket-lifecycle.bpmn ({@code open-quality-complaint}) and
 * quality-complaint.bpmn; turns variables into calls of {@link QualityComplaintService}.
 */
public final class QualityComplaintBean {

    public static final String NAME = "qualityComplaint";

    private volatile QualityComplaintService service;

    void bind(QualityComplaintService s) {
        this.service = Objects.requireNonNull(s);
    }

    public void open(DelegateExecution execution) {
        service().open(execution.getBusinessKey());
    }

    /** ticket-lifecycle's {@code quality-pending}: true while the ticket's quality complaint still runs (no auto-close). */
    public boolean running(DelegateExecution execution) {
        return service().openWork(execution.getBusinessKey()) != null;
    }

    /** Sets {@code capaOpened} and {@code capaNumber} from the cluster the complaint is in. */
    @SuppressWarnings("unchecked")
    public void checkRecurrence(DelegateExecution execution) {
        Map<String, Object> policy = (Map<String, Object>) execution.getVariable("qualityPolicy");
        QualityComplaintService.Recurrence r = service().checkRecurrence(execution.getBusinessKey(),
                ((Number) policy.get("recurrenceThreshold")).intValue(), (String) policy.get("recurrenceWindow"));
        execution.setVariable("capaOpened", r.opened());
        execution.setVariable("capaNumber", r.capaNumber());
    }

    @SuppressWarnings("unchecked")
    public void sampleOverdue(DelegateExecution execution) {
        Map<String, Object> policy = (Map<String, Object>) execution.getVariable("qualityPolicy");
        service().sampleOverdue(execution.getBusinessKey(), (String) policy.get("sampleReturnWithin"));
    }

    public void sampleRecorded(DelegateExecution execution) {
        service().sampleRecorded(execution.getBusinessKey(), Boolean.TRUE.equals(execution.getVariable("sampleReceived")),
                (String) execution.getVariable("sampleCondition"));
    }

    public void investigated(DelegateExecution execution) {
        service().investigated(execution.getBusinessKey(), Boolean.TRUE.equals(execution.getVariable("confirmed")),
                (String) execution.getVariable("findings"), (String) execution.getVariable("rootCause"));
    }

    public void capaDone(DelegateExecution execution) {
        service().capaDone(execution.getBusinessKey(), (String) execution.getVariable("capaAction"));
    }

    public void closed(DelegateExecution execution) {
        service().closed(execution.getBusinessKey());
    }

    private QualityComplaintService service() {
        QualityComplaintService s = service;
        if (s == null) {
            throw new IllegalStateException("the qualityComplaint bean is not bound yet");
        }
        return s;
    }
}
