package io.careloop.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** feedback-loop.bpmn with satisfaction.dmn: every path, timers by moving the engine clock. */
@Deployment(resources = {"feedback-loop.bpmn", "satisfaction.dmn"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FeedbackLoopTest {

  static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
  static final RecordingTicketProcess beans = new RecordingTicketProcess();

  @RegisterExtension
  static final ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(TestProcessEngines.configuration(FeedbackLoopTest.class, RecordingTicketProcess.beans(beans)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    beans.reset();
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void the_invitation_goes_out_and_a_satisfied_customer_closes_the_loop() {
    ProcessInstance pi = start("T-2001");

    assertThat(pi).hasPassed("send-invitation").isWaitingAtExactly("awaiting-response");
    assertThat(beans.calls("outbound.invitation")).hasSize(1);

    respond("T-2001", 5, 10, "很满意", false);

    assertThat(pi).hasPassedInOrder("response", "evaluate-satisfaction", "reopen-needed", "follow-up-needed", "satisfied")
        .hasNotPassed("follow-up-call", "reopen-ticket").isEnded();
  }

  @Test
  void a_csat_of_1_opens_a_follow_up_call_for_the_supervisors() {
    ProcessInstance pi = start("T-2002");

    respond("T-2002", 1, null, "", false);

    assertThat(pi).isWaitingAtExactly("follow-up-call");
    assertThat(task()).hasCandidateGroup("supervisors");
    assertThat(runtimeService().getVariable(pi.getId(), "satisfaction"))
        .isEqualTo(Map.of("followUp", true, "reopen", false, "reason", "low CSAT"));
    complete(task(), Map.of("followUpNote", "已回访，客户接受道歉"));
    assertThat(pi).hasPassedInOrder("follow-up-call", "record-follow-up", "followed-up").isEnded();
    assertThat(beans.calls("feedback.followUpDone")).hasSize(1);
    assertThat(beans.calls("feedback.reopenTicket")).isEmpty();
  }

  @Test
  void a_persisting_problem_reopens_the_ticket_and_opens_a_follow_up_call() {
    ProcessInstance pi = start("T-2003");

    respond("T-2003", 4, 8, "still itching", true);

    assertThat(pi).hasPassed("reopen-ticket").isWaitingAtExactly("follow-up-call");
    assertThat(beans.calls("feedback.reopenTicket")).singleElement()
        .satisfies(call -> assertThat(call.variables()).containsEntry("problemPersists", true));
  }

  @Test
  void without_a_response_one_reminder_goes_out_then_the_loop_closes() {
    ProcessInstance pi = start("T-2004");

    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3)).plusSeconds(1)));
    execute(job(pi));
    assertThat(pi).hasPassed("reminder-due", "send-reminder").isWaitingAtExactly("awaiting-after-reminder");
    assertThat(beans.calls("outbound.reminder")).hasSize(1);

    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(7)).plusSeconds(2)));
    execute(job(pi));
    assertThat(pi).hasPassedInOrder("no-response", "record-no-response", "closed-without-response").isEnded();
    assertThat(beans.calls("feedback.noResponse")).hasSize(1);
  }

  @Test
  void a_detractor_answering_after_the_reminder_gets_a_follow_up_call() {
    ProcessInstance pi = start("T-2005");
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3)).plusSeconds(1)));
    execute(job(pi));

    respond("T-2005", null, 3, null, null);

    assertThat(pi).hasPassed("response-after-reminder").isWaitingAtExactly("follow-up-call");
  }

  @Test
  void a_response_after_the_loop_closed_starts_a_new_instance_and_still_triggers_the_follow_up() {
    // Given no feedback loop waits for ticket T-2006 any more
    // When a response with a complaint about the handling arrives
    ProcessInstance late = runtimeService().createMessageCorrelation("survey-response")
        .processInstanceBusinessKey("T-2006")
        .setVariables(response(4, 9, "客服态度很差，不耐烦", false))
        .correlateStartMessage();

    // Then it is evaluated as any response and the supervisors call back
    assertThat(late).hasPassed("late-response", "evaluate-satisfaction").isWaitingAtExactly("follow-up-call");
    assertThat(runtimeService().getVariable(late.getId(), "satisfaction"))
        .isEqualTo(Map.of("followUp", true, "reopen", false, "reason", "complaint about the handling"));
  }

  static ProcessInstance start(String ticketNumber) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("ticketNumber", ticketNumber);
    vars.put("channel", "email");
    vars.put("surveyReminderAfter", "P3D");
    vars.put("surveyWaitAfterReminder", "P4D");
    return runtimeService().startProcessInstanceByKey("feedback-loop", ticketNumber, vars);
  }

  static void respond(String ticketNumber, Integer csat, Integer nps, String comment, Boolean persists) {
    runtimeService().createMessageCorrelation("survey-response").processInstanceBusinessKey(ticketNumber)
        .setVariables(response(csat, nps, comment, persists)).correlate();
  }

  static Map<String, Object> response(Integer csat, Integer nps, String comment, Boolean persists) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("csat", csat);
    vars.put("nps", nps);
    vars.put("comment", comment);
    vars.put("problemPersists", persists);
    vars.put("surveyCompleted", true);
    return vars;
  }
}
