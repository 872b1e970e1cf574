package io.careloop.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Test stand-in for the engine's {@code ticketProcess} bean: it records what the process called,
 * with a copy of the process variables at that moment. Like the engine's bean, {@code classified}
 * sets the four SLA timer dates; here they are fixed offsets from the engine clock
 * ({@link #FIRST_RESPONSE_WARNING} …) instead of business-time arithmetic.
 */
public class RecordingTicketProcess {

  static final Duration FIRST_RESPONSE_WARNING = Duration.ofMinutes(96);
  static final Duration FIRST_RESPONSE_DUE = Duration.ofHours(2);
  static final Duration RESOLUTION_WARNING = Duration.ofMinutes(1152);
  static final Duration RESOLUTION_DUE = Duration.ofHours(24);

  /** One call of the bean. */
  public record Call(String method, String processInstanceId, Map<String, Object> variables) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  /** Called by the service task {@code apply-classification}. */
  public void classified(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    execution.setVariable("firstResponseWarningAt", Date.from(now.plus(FIRST_RESPONSE_WARNING)));
    execution.setVariable("firstResponseDueAt", Date.from(now.plus(FIRST_RESPONSE_DUE)));
    execution.setVariable("resolutionWarningAt", Date.from(now.plus(RESOLUTION_WARNING)));
    execution.setVariable("resolutionDueAt", Date.from(now.plus(RESOLUTION_DUE)));
    record("classified", execution);
  }

  /** Called by {@code warn-first-response} and {@code warn-resolution}. */
  public void slaWarning(DelegateExecution execution, String clock) {
    record("slaWarning:" + clock, execution);
  }

  /** Called by {@code escalate-first-response} and {@code escalate-resolution}. */
  public void slaBreached(DelegateExecution execution, String clock) {
    record("slaBreached:" + clock, execution);
  }

  /** As bean {@code feedback}: ticket-lifecycle's {@code start-feedback-loop}. */
  public void start(DelegateExecution execution) {
    record("feedback.start", execution);
  }

  /** As bean {@code outbound}: feedback-loop's {@code send-invitation}. */
  public void sendSurveyInvitation(DelegateExecution execution) {
    record("outbound.invitation", execution);
  }

  /** As bean {@code outbound}: feedback-loop's {@code send-reminder}. */
  public void sendSurveyReminder(DelegateExecution execution) {
    record("outbound.reminder", execution);
  }

  /** As bean {@code feedback}: feedback-loop's {@code record-no-response}. */
  public void noResponse(DelegateExecution execution) {
    record("feedback.noResponse", execution);
  }

  /** As bean {@code feedback}: feedback-loop's {@code reopen-ticket}. */
  public void reopenTicket(DelegateExecution execution) {
    record("feedback.reopenTicket", execution);
  }

  /** As bean {@code feedback}: feedback-loop's {@code record-follow-up}. */
  public void followUpDone(DelegateExecution execution) {
    record("feedback.followUpDone", execution);
  }

  /** As bean {@code adverseEvent}: ticket-lifecycle's {@code open-case}. */
  public void open(DelegateExecution execution) {
    record("adverseEvent.open", execution);
  }

  /**
   * As bean {@code adverseEvent}: adverse-event-case's {@code set-clock}, with the engine's
   * arithmetic: due = day0 + reportWithin in calendar time, reminders at 50 % and 80 %.
   */
  public void clockSet(DelegateExecution execution) {
    Instant day0 = ((Date) execution.getVariable("day0")).toInstant();
    Duration within = Duration.parse((String) execution.getVariable("reportWithin"));
    execution.setVariable("regulatoryDueAt", Date.from(day0.plus(within)));
    execution.setVariable("reminder50At", Date.from(day0.plus(within.multipliedBy(50).dividedBy(100))));
    execution.setVariable("reminder80At", Date.from(day0.plus(within.multipliedBy(80).dividedBy(100))));
    record("adverseEvent.clockSet", execution);
  }

  public void followUpRecorded(DelegateExecution execution) {
    record("adverseEvent.followUpRecorded", execution);
  }

  public void reminder(DelegateExecution execution, int percent) {
    record("adverseEvent.reminder:" + percent, execution);
  }

  public void breached(DelegateExecution execution) {
    record("adverseEvent.breached", execution);
  }

  public void submitted(DelegateExecution execution) {
    record("adverseEvent.submitted", execution);
  }

  /** The beans the models call, all played by {@code recorder}. */
  static java.util.Map<Object, Object> beans(RecordingTicketProcess recorder) {
    return java.util.Map.of("ticketProcess", recorder, "feedback", recorder, "outbound", recorder,
        "adverseEvent", recorder, "qualityComplaint", recorder.quality);
  }

  /** As bean {@code qualityComplaint}: the next {@code checkRecurrence} says this complaint opened a CAPA. */
  volatile boolean nextOpensCapa;

  final Quality quality = new Quality();

  /** As bean {@code qualityComplaint}: the answer of {@code running}, i.e. an investigation still open. */
  volatile boolean qualityRunning;

  /** Bean {@code qualityComplaint} (ticket-lifecycle's open-quality-complaint and quality-complaint.bpmn). */
  public final class Quality {

    public void open(DelegateExecution execution) {
      record("quality.open", execution);
    }

    /** As the engine: whether the ticket's quality-complaint process still runs (here {@link #qualityRunning}). */
    public boolean running(DelegateExecution execution) {
      record("quality.running", execution);
      return qualityRunning;
    }

    /** Like the engine: sets capaOpened and capaNumber (here from {@link #nextOpensCapa}). */
    public void checkRecurrence(DelegateExecution execution) {
      execution.setVariable("capaOpened", nextOpensCapa);
      execution.setVariable("capaNumber", nextOpensCapa ? "CAPA-1" : null);
      record("quality.checkRecurrence", execution);
    }

    public void sampleOverdue(DelegateExecution execution) {
      record("quality.sampleOverdue", execution);
    }

    public void sampleRecorded(DelegateExecution execution) {
      record("quality.sampleRecorded", execution);
    }

    public void investigated(DelegateExecution execution) {
      record("quality.investigated", execution);
    }

    public void capaDone(DelegateExecution execution) {
      record("quality.capaDone", execution);
    }

    public void closed(DelegateExecution execution) {
      record("quality.closed", execution);
    }
  }

  /** Called by {@code record-pv-review}. */
  public void pvReviewed(DelegateExecution execution) {
    record("pvReviewed", execution);
  }

  /** Called by the service task {@code auto-close-ticket}. */
  public void autoClosed(DelegateExecution execution) {
    record("autoClosed", execution);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).toList();
  }

  public void reset() {
    calls.clear();
    qualityRunning = false;
  }

  private void record(String method, DelegateExecution execution) {
    // getVariables() returns a fresh map; null values are kept, unlike Map.copyOf
    calls.add(new Call(method, execution.getProcessInstanceId(), execution.getVariables()));
  }
}
