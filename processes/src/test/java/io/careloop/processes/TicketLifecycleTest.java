package io.careloop.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"ticket-lifecycle.bpmn", "classify-ticket.dmn", "adverse-event-signals.dmn"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketLifecycleTest {

  static final String PROCESS = "ticket-lifecycle";
  static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

  static final RecordingTicketProcess ticketProcess = new RecordingTicketProcess();

  /** Fails the class unless its tests pass through every flow node and sequence flow (100 %). */
  @RegisterExtension
  static final ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(TestProcessEngines.configuration(TicketLifecycleTest.class, RecordingTicketProcess.beans(ticketProcess)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  // injected by the extension before each test
  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ticketProcess.reset();
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  // ---------------------------------------------------------------- intake

  @Test
  void a_ticket_with_category_and_severity_skips_the_default_decisions_and_waits_in_the_queue_of_its_category() {
    // Given a product-quality ticket of a tier-B pharmacist with severity high
    Map<String, Object> variables = ticket("T-1001", "product-quality", "high", "B", "药品包装破损");

    // When the engine starts the lifecycle
    ProcessInstance pi = start(variables);

    // Then the DMN defaults are skipped and the quality queue handles it
    assertThat(pi).hasPassedInOrder("received", "detect-adverse-event", "classify", "apply-classification",
            "quality-complaint-needed", "open-quality-complaint", "quality-checked")
        .hasNotPassed("categorise", "default-severity")
        .isWaitingAtExactly("handle");
    assertThat(task()).hasName("Handle ticket").hasCandidateGroup("quality");
    // and the quality complaint (product, lot, investigation, CAPA) is opened beside the handling
    assertThat(ticketProcess.calls("quality.open")).singleElement()
        .satisfies(c -> assertThat(c.variables()).containsEntry("ticketNumber", "T-1001"));
    assertThat(pi).variables()
        .containsEntry("category", "product-quality")
        .containsEntry("severity", "high");
    assertThat(classification(pi))
        .containsEntry("priority", "urgent")
        .containsEntry("queue", "quality")
        .containsEntry("firstResponseTarget", "PT2H")
        .containsEntry("resolutionTarget", "PT24H");
  }

  @Test
  void intake_runs_synchronously_to_the_handle_task_leaving_only_the_four_SLA_timers() {
    // Given any ticket
    // When the engine starts the lifecycle
    ProcessInstance pi = start(ticket("T-1002", "service-process", "low", "C", "订单延迟"));

    // Then the start call returns at the user task; no async continuation, only the SLA timers, none due
    assertThat(pi).hasPassed("quality-complaint-needed", "quality-checked").hasNotPassed("open-quality-complaint")
        .isWaitingAtExactly("handle");
    assertThat(ticketProcess.calls("quality.open")).isEmpty();
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).list())
        .hasSize(4)
        .allSatisfy(j -> assertThat(j.getDuedate()).isAfter(Date.from(NOW)));
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
    assertThat(pi).variables().containsEntry("adverseEventSuspected", false);
  }

  @Test
  void a_chinese_adverse_event_text_without_category_is_categorised_and_gets_the_default_severity() {
    // Given a patient's report in Chinese without category or severity
    Map<String, Object> variables = ticket("T-1003", null, null, null, "服用后出现皮疹和瘙痒，想了解是否是药物的不良反应");

    // When the engine starts the lifecycle
    ProcessInstance pi = start(variables);

    // Then the text decides the category, the category decides the severity, pharmacovigilance handles it
    assertThat(pi).hasPassedInOrder("categorise", "default-severity", "classify", "apply-classification")
        .isWaitingAt("handle");
    assertThat(pi).variables()
        .containsEntry("category", "adverse-event")
        .containsEntry("severity", "medium");
    assertThat(handleTask(pi)).hasCandidateGroup("pharmacovigilance");
    assertThat(classification(pi)).containsEntry("priority", "normal");
  }

  @Test
  void an_english_order_text_without_category_is_categorised_as_service_process() {
    // Given a distributor's e-mail about an order, no category, severity given
    Map<String, Object> variables = ticket("T-1004", null, "low", "B", "Order 4711: delivery is two weeks late");

    // When the engine starts the lifecycle
    ProcessInstance pi = start(variables);

    // Then it is categorised from the text but keeps its given severity
    assertThat(pi).hasPassed("categorise").hasNotPassed("default-severity").isWaitingAt("handle");
    assertThat(pi).variables()
        .containsEntry("category", "service-process")
        .containsEntry("severity", "low");
    assertThat(task()).hasCandidateGroup("service-desk");
    assertThat(classification(pi)).containsEntry("priority", "low");
  }

  @Test
  void a_ticket_without_severity_gets_the_default_severity_of_its_category() {
    // Given a medication error of a VIP doctor without severity
    Map<String, Object> variables = ticket("T-1005", "medication-error", null, "VIP", "Patient took a double dose");

    // When the engine starts the lifecycle
    ProcessInstance pi = start(variables);

    // Then the default severity high makes it urgent for pharmacovigilance
    assertThat(pi).hasNotPassed("categorise").hasPassed("default-severity").isWaitingAt("handle");
    assertThat(pi).variables().containsEntry("severity", "high");
    assertThat(classification(pi))
        .containsEntry("priority", "urgent")
        .containsEntry("queue", "pharmacovigilance");
  }

  @Test
  void a_ticket_started_without_the_optional_variables_at_all_is_still_classified() {
    // Given an API caller that leaves category, severity and tier out instead of setting them to null
    Map<String, Object> variables = new HashMap<>();
    variables.put("ticketNumber", "T-1006");
    variables.put("channel", "api");
    variables.put("text", "Can I take this medicine during pregnancy?");
    variables.put("autoCloseAfter", "P7D");

    // When the engine starts the lifecycle
    ProcessInstance pi = start(variables);

    // Then the decisions fill them in, the missing tier counting as C
    assertThat(pi).isWaitingAt("handle");
    assertThat(pi).variables()
        .containsEntry("category", "medical-inquiry")
        .containsEntry("severity", "medium");
    assertThat(handleTask(pi)).hasCandidateGroup("medical-affairs");
    assertThat(classification(pi))
        .containsEntry("priority", "normal")
        .containsEntry("resolutionTarget", "PT72H");
  }

  @Test
  void the_ticket_process_bean_is_told_once_about_the_classification() {
    // Given a customer-relationship complaint of a tier-A head of department
    Map<String, Object> variables = ticket("T-1007", "customer-relationship", "medium", "A", "对客服态度不满意");

    // When the engine starts the lifecycle
    ProcessInstance pi = start(variables);

    // Then classified(execution) was called once, with the classification among the variables
    assertThat(ticketProcess.calls("classified")).hasSize(1);
    RecordingTicketProcess.Call call = ticketProcess.calls("classified").get(0);
    assertThat(call.processInstanceId()).isEqualTo(pi.getId());
    assertThat(call.variables()).containsEntry("ticketNumber", "T-1007");
    assertThat(call.variables().get("classification")).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> classification = (Map<String, Object>) call.variables().get("classification");
    assertThat(classification)
        .containsEntry("priority", "high")
        .containsEntry("queue", "key-accounts")
        .containsEntry("firstResponseTarget", "PT4H")
        .containsEntry("resolutionTarget", "PT36H");
    assertThat(ticketProcess.calls("autoClosed")).isEmpty();
  }

  // ---------------------------------------------------------------- after handling

  @Test
  void completing_handle_waits_at_the_event_gateway_with_the_auto_close_timer_set() {
    // Given a ticket in handling
    ProcessInstance pi = start(ticket("T-1101", "service-process", "low", "C", "cancel my order"));
    assertThat(pi).isWaitingAt("handle");

    // When the agent resolves it
    complete(task());

    // Then the feedback loop was started, and the process waits for a reopen, a close or the auto-close timer (7 days from now)
    assertThat(pi).hasPassedInOrder("handle", "start-feedback-loop").isWaitingAtExactly("resolved");
    assertThat(ticketProcess.calls("feedback.start")).singleElement()
        .satisfies(call -> assertThat(call.variables()).containsEntry("ticketNumber", "T-1101"));
    Job timer = job();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));
    assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventType("message").list())
        .extracting(subscription -> subscription.getEventName())
        .containsExactlyInAnyOrder("ticket-reopened", "ticket-closed");
  }

  @Test
  void the_message_ticket_reopened_returns_the_ticket_to_handle_without_classifying_again() {
    // Given a resolved ticket
    ProcessInstance pi = start(ticket("T-1102", "product-quality", "medium", "VIP", "Tablets are discoloured"));
    assertThat(pi).isWaitingAt("handle");
    complete(task());

    // When the customer reopens it
    runtimeService().createMessageCorrelation("ticket-reopened")
        .processInstanceBusinessKey("T-1102")
        .correlate();

    // Then the same queue handles it again and the classification is not redone
    assertThat(pi).isWaitingAtExactly("handle").hasPassed("reopened");
    assertThat(task()).hasCandidateGroup("quality");
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
        .as("the SLA timers of handle, no auto-close timer").isEqualTo(4);
    assertThat(ticketProcess.calls("classified")).hasSize(1);
  }

  @Test
  void the_message_ticket_closed_ends_the_ticket_in_closed() {
    // Given a resolved ticket
    ProcessInstance pi = start(ticket("T-1103", "medical-inquiry", null, "B", "What is the dosage for children?"));
    assertThat(pi).isWaitingAt("handle");
    complete(task());

    // When the customer confirms and it is closed
    runtimeService().createMessageCorrelation("ticket-closed")
        .processInstanceBusinessKey("T-1103")
        .correlate();

    // Then the lifecycle ends in closed, not in auto-closed
    assertThat(pi).hasPassed("close-requested", "closed").hasNotPassed("auto-close", "auto-closed").isEnded();
    assertThat(ticketProcess.calls("autoClosed")).isEmpty();
  }

  @Test
  void the_auto_close_timer_closes_a_resolved_ticket_after_auto_close_after() {
    // Given a resolved ticket with a 3-day auto-close period
    Map<String, Object> variables = ticket("T-1104", "service-process", "low", "C", "Invoice is missing");
    variables.put("autoCloseAfter", "P3D");
    ProcessInstance pi = start(variables);
    assertThat(pi).isWaitingAt("handle");
    complete(task());
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
        .as("timer is not due yet").isZero();

    // When three days pass and the timer fires
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3)).plusSeconds(60)));
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
        .as("timer is due").isEqualTo(1);
    execute(job());

    // Then autoClosed(execution) was called and the ticket ended in auto-closed
    assertThat(pi).hasPassedInOrder("resolved", "auto-close", "auto-close-ticket", "auto-closed")
        .hasNotPassed("closed")
        .isEnded();
    assertThat(ticketProcess.calls("autoClosed"))
        .singleElement()
        .satisfies(call -> assertThat(call.variables()).containsEntry("ticketNumber", "T-1104"));
  }


  // ---------------------------------------------------------------- SLA timers on handle

  @Test
  void the_first_response_warning_and_breach_timers_call_the_bean_while_handle_stays_open() {
    // Given a ticket in handling, its first-response timers set by classified(execution)
    ProcessInstance pi = start(ticket("T-1201", "service-process", "low", "C", "Where is my order?"));

    // When the warning time passes
    fireTimer(pi, "first-response-warning", RecordingTicketProcess.FIRST_RESPONSE_WARNING);

    // Then the bean is told once, and the ticket is still being handled
    assertThat(pi).hasPassed("first-response-warning", "warn-first-response", "first-response-warned")
        .isWaitingAtExactly("handle");
    assertThat(ticketProcess.calls("slaWarning:first-response")).hasSize(1);
    assertThat(ticketProcess.calls("slaBreached:first-response")).isEmpty();

    // When the due time passes too
    fireTimer(pi, "first-response-breach", RecordingTicketProcess.FIRST_RESPONSE_DUE);

    // Then the breach escalates through the bean; handle is not interrupted
    assertThat(pi).hasPassed("escalate-first-response", "first-response-escalated").isWaitingAtExactly("handle");
    assertThat(ticketProcess.calls("slaBreached:first-response")).singleElement()
        .satisfies(call -> assertThat(call.variables()).containsEntry("ticketNumber", "T-1201"));
  }

  @Test
  void the_resolution_warning_and_breach_timers_call_the_bean_while_handle_stays_open() {
    // Given a ticket in handling
    ProcessInstance pi = start(ticket("T-1202", "medical-inquiry", "medium", "B", "Dosage for elderly patients?"));

    // When the resolution warning and the resolution due time pass
    fireTimer(pi, "resolution-warning", RecordingTicketProcess.RESOLUTION_WARNING);
    fireTimer(pi, "resolution-breach", RecordingTicketProcess.RESOLUTION_DUE);

    // Then both reached the bean, in order, and the ticket is still in handling
    assertThat(pi).hasPassedInOrder("warn-resolution", "escalate-resolution")
        .hasPassed("resolution-warned", "resolution-escalated")
        .isWaitingAtExactly("handle");
    assertThat(ticketProcess.calls("slaWarning:resolution")).hasSize(1);
    assertThat(ticketProcess.calls("slaBreached:resolution")).hasSize(1);
  }

  @Test
  void the_timer_dates_come_from_the_variables_classified_sets() {
    // Given a ticket in handling
    ProcessInstance pi = start(ticket("T-1203", "service-process", "low", "B", "Need an invoice copy"));

    // Then each boundary timer is due at the date of its variable
    assertThat(timer(pi, "first-response-warning").getDuedate())
        .isEqualTo(runtimeService().getVariable(pi.getId(), "firstResponseWarningAt"));
    assertThat(timer(pi, "first-response-breach").getDuedate())
        .isEqualTo(runtimeService().getVariable(pi.getId(), "firstResponseDueAt"));
    assertThat(timer(pi, "resolution-warning").getDuedate())
        .isEqualTo(runtimeService().getVariable(pi.getId(), "resolutionWarningAt"));
    assertThat(timer(pi, "resolution-breach").getDuedate())
        .isEqualTo(runtimeService().getVariable(pi.getId(), "resolutionDueAt"));
  }

  @Test
  void resolving_removes_the_SLA_timers() {
    // Given a ticket in handling with its four SLA timers
    ProcessInstance pi = start(ticket("T-1204", "service-process", "low", "C", "Delivery address change"));

    // When it is resolved
    complete(handleTask(pi));

    // Then only the auto-close timer is left
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).list())
        .singleElement().satisfies(j -> assertThat(j.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(7)))));
  }

  // ---------------------------------------------------------------- possible adverse event

  @Test
  void harm_in_the_text_of_a_service_ticket_opens_a_pharmacovigilance_review_next_to_handling() {
    // Given an order complaint (category given) whose text mentions a rash and a hospital stay
    ProcessInstance pi = start(ticket("T-1301", "service-process", "low", "C",
        "Delivery was late, and my mother got a rash and was hospitalised"));

    // Then handling stays with the service desk, and pharmacovigilance reviews in parallel
    assertThat(pi).variables().containsEntry("adverseEventSuspected", true).containsEntry("category", "service-process");
    assertThat(pi).hasPassed("pv-review-needed", "pv-fork").isWaitingAt("handle", "pv-review");
    assertThat(handleTask(pi)).hasCandidateGroup("service-desk");
    org.camunda.bpm.engine.task.Task review = reviewTask(pi);
    assertThat(review).hasName("Pharmacovigilance review").hasCandidateGroup("pharmacovigilance");

    // When pharmacovigilance records its outcome
    complete(review, Map.of("pvOutcome", "confirmed"));

    // Then the review is recorded on the ticket through the bean, the adverse event case opens; handling goes on
    assertThat(pi).hasPassedInOrder("pv-review", "record-pv-review", "pv-confirmed", "open-case", "case-opened")
        .hasNotPassed("pv-reviewed").isWaitingAtExactly("handle");
    assertThat(ticketProcess.calls("adverseEvent.open")).hasSize(1);
    assertThat(ticketProcess.calls("pvReviewed")).singleElement()
        .satisfies(call -> assertThat(call.variables()).containsEntry("pvOutcome", "confirmed"));
  }

  @Test
  void a_ticket_without_signs_of_harm_gets_no_review() {
    // Given an ordinary order question
    ProcessInstance pi = start(ticket("T-1302", null, null, "B", "Please send the invoice for order 4711"));

    // Then no review is opened
    assertThat(pi).variables().containsEntry("adverseEventSuspected", false);
    assertThat(pi).hasNotPassed("pv-fork").isWaitingAtExactly("handle");
  }

  @Test
  void auto_close_waits_another_period_while_the_review_is_open() {
    // Given a resolved ticket with a possible adverse event whose review is still open
    ProcessInstance pi = start(ticket("T-1303", "product-quality", "medium", "B", "包装破损，服用后出现皮疹"));
    complete(handleTask(pi));
    assertThat(pi).isWaitingAt("resolved", "pv-review");

    // When the auto-close period passes
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(7)).plusSeconds(60)));
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult());

    // Then the ticket is not closed: the process waits another period
    assertThat(pi).hasPassed("review-pending").hasNotPassed("auto-close-ticket").isWaitingAt("resolved", "pv-review");
    assertThat(ticketProcess.calls("autoClosed")).isEmpty();

    // When the review is done and the next period passes
    complete(reviewTask(pi), Map.of("pvOutcome", "not-adverse-event"));
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(14)).plusSeconds(120)));
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult());

    // Then it auto-closes
    assertThat(pi).hasPassed("auto-close-ticket", "auto-closed", "pv-reviewed").hasNotPassed("open-case").isEnded();
    assertThat(ticketProcess.calls("autoClosed")).hasSize(1);
  }

  @Test
  void auto_close_waits_another_period_while_the_quality_investigation_runs() {
    // Given a resolved product-quality ticket whose quality complaint is still being investigated
    ProcessInstance pi = start(ticket("T-1304", "product-quality", "medium", "B", "Packaging damaged, lot 24A07"));
    complete(handleTask(pi));
    ticketProcess.qualityRunning = true;

    // When the auto-close period passes
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(7)).plusSeconds(60)));
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult());

    // Then the ticket is not closed: the process asked the quality bean and waits another period
    assertThat(pi).hasPassed("review-pending", "quality-pending").hasNotPassed("auto-close-ticket").isWaitingAt("resolved");
    assertThat(ticketProcess.calls("quality.running")).hasSize(1);
    assertThat(ticketProcess.calls("autoClosed")).isEmpty();

    // When the investigation is finished and the next period passes
    ticketProcess.qualityRunning = false;
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(14)).plusSeconds(120)));
    execute(managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult());

    // Then it auto-closes
    assertThat(pi).hasPassed("auto-close-ticket", "auto-closed").isEnded();
    assertThat(ticketProcess.calls("autoClosed")).hasSize(1);
  }

  // ---------------------------------------------------------------- helpers

  static org.camunda.bpm.engine.task.Task reviewTask(ProcessInstance pi) {
    return BpmnAwareTests.taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("pv-review").singleResult();
  }

  static Job timer(ProcessInstance pi, String boundaryEvent) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(boundaryEvent).singleResult();
  }

  /** Moves the engine clock just past {@code after} from NOW and runs that boundary event's timer job. */
  static void fireTimer(ProcessInstance pi, String boundaryEvent, Duration after) {
    ClockUtil.setCurrentTime(Date.from(NOW.plus(after).plusSeconds(1)));
    Job job = timer(pi, boundaryEvent);
    assertThat(job).as("timer of " + boundaryEvent).isNotNull();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    execute(job);
  }

  static org.camunda.bpm.engine.task.Task handleTask(ProcessInstance pi) {
    return BpmnAwareTests.taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handle").singleResult();
  }

  /** The start variables as the engine sets them; null values are set explicitly. */
  static Map<String, Object> ticket(String number, String category, String severity, String tier, String text) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("ticketNumber", number);
    variables.put("category", category);
    variables.put("severity", severity);
    variables.put("tier", tier);
    variables.put("channel", "email");
    variables.put("text", text);
    variables.put("autoCloseAfter", "P7D");
    return variables;
  }

  static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(PROCESS, (String) variables.get("ticketNumber"), variables);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> classification(ProcessInstance pi) {
    return (Map<String, Object>) runtimeService().getVariable(pi.getId(), "classification");
  }
}
