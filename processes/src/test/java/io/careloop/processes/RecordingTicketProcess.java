package io.careloop.processes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Test stand-in for the engine's {@code ticketProcess} bean: it only records what the process
 * called, with a copy of the process variables at that moment.
 */
public class RecordingTicketProcess {

  /** One call of the bean. */
  public record Call(String method, String processInstanceId, Map<String, Object> variables) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  /** Called by the service task {@code apply-classification}. */
  public void classified(DelegateExecution execution) {
    record("classified", execution);
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
  }

  private void record(String method, DelegateExecution execution) {
    // getVariables() returns a fresh map; null values are kept, unlike Map.copyOf
    calls.add(new Call(method, execution.getProcessInstanceId(), execution.getVariables()));
  }
}
