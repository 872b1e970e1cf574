package io.careloop.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
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

/** adverse-event-case.bpmn with regulatory-clock.dmn: every path; the clock moved, never waited for. */
@Deployment(resources = {"adverse-event-case.bpmn", "regulatory-clock.dmn"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AdverseEventCaseTest {

  /** Day 0: when the company first learned of the event (before the case was opened). */
  static final Instant DAY0 = Instant.parse("2026-03-02T02:00:00Z");
  static final Instant NOW = DAY0.plus(Duration.ofHours(3));
  static final RecordingTicketProcess beans = new RecordingTicketProcess();

  @RegisterExtension
  static final ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(TestProcessEngines.configuration(AdverseEventCaseTest.class, RecordingTicketProcess.beans(beans)))
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
  void a_complete_serious_case_in_china_is_due_15_days_after_day_0_and_is_submitted() {
    ProcessInstance pi = start("T-3001");
    assertThat(pi).isWaitingAtExactly("assess");

    complete(task(pi), assessment("serious", "CN", true));

    assertThat(pi).hasPassedInOrder("regulatory-clock", "set-clock").isWaitingAt("submit-report");
    assertThat(pi).variables().containsEntry("reportWithin", "P15D")
        .containsEntry("regulatoryDueAt", Date.from(DAY0.plus(Duration.ofDays(15))));
    complete(task(pi), Map.of("submissionRef", "NMPA-2026-000123"));
    assertThat(pi).hasPassedInOrder("submit-report", "case-work-done", "record-submission", "case-closed").isEnded();
    assertThat(beans.calls("adverseEvent.submitted")).singleElement()
        .satisfies(c -> assertThat(c.variables()).containsEntry("submissionRef", "NMPA-2026-000123"));
  }

  @Test
  void a_death_is_due_within_24_hours_and_missing_information_is_followed_up_until_complete() {
    ProcessInstance pi = start("T-3002");
    complete(task(pi), assessment("death", null, false));

    assertThat(pi).variables().containsEntry("reportWithin", "PT24H");
    assertThat(pi).isWaitingAt("follow-up");
    Map<String, Object> stillMissing = assessment("death", null, false);
    stillMissing.put("followUpNote", "called the reporter: no answer");
    complete(task(pi), stillMissing);
    assertThat(pi).isWaitingAt("follow-up");
    Map<String, Object> complete = assessment("death", null, true);
    complete.put("followUpNote", "reporter gave the patient's initials and age");
    complete(task(pi), complete);

    assertThat(pi).isWaitingAt("submit-report");
    assertThat(beans.calls("adverseEvent.followUpRecorded")).hasSize(2);
  }

  @Test
  void reminders_at_50_and_80_percent_and_the_breach_escalate_while_the_case_stays_open() {
    ProcessInstance pi = start("T-3003");
    complete(task(pi), assessment("other", "CN", true));
    assertThat(pi).variables().containsEntry("reportWithin", "P30D");

    fire(pi, "reminder-50", DAY0.plus(Duration.ofDays(15)));
    fire(pi, "reminder-80", DAY0.plus(Duration.ofDays(24)));
    fire(pi, "regulatory-breach", DAY0.plus(Duration.ofDays(30)));

    assertThat(pi).hasPassed("remind-50", "reminded-50", "remind-80", "reminded-80", "escalate-breach", "breach-escalated")
        .isWaitingAt("submit-report");
    assertThat(beans.calls("adverseEvent.reminder:50")).hasSize(1);
    assertThat(beans.calls("adverseEvent.reminder:80")).hasSize(1);
    assertThat(beans.calls("adverseEvent.breached")).hasSize(1);
  }

  @Test
  void other_markets_and_unknown_markets_have_their_own_clocks() {
    assertThat(reportWithin("US", "serious")).isEqualTo("P15D");
    assertThat(reportWithin("EU", "other")).isEqualTo("P90D");
    assertThat(reportWithin("JP", "death")).isEqualTo("PT24H");
    assertThat(reportWithin("JP", "other")).isEqualTo("P15D");
  }

  static String reportWithin(String market, String seriousness) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("market", market);
    vars.put("seriousness", seriousness);
    return engine().getDecisionService().evaluateDecisionByKey("regulatory-clock").variables(vars).evaluate()
        .getSingleEntry();
  }

  static ProcessEngine engine() {
    return BpmnAwareTests.processEngine();
  }

  static ProcessInstance start(String ticketNumber) {
    return runtimeService().startProcessInstanceByKey("adverse-event-case", ticketNumber,
        Map.of("ticketNumber", ticketNumber, "day0", Date.from(DAY0)));
  }

  static Map<String, Object> assessment(String seriousness, String market, boolean criteriaMet) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("seriousness", seriousness);
    vars.put("market", market);
    vars.put("causality", "possible");
    vars.put("patientIdentifiable", criteriaMet);
    vars.put("reporterIdentifiable", true);
    vars.put("suspectProduct", true);
    vars.put("adverseEventDescribed", true);
    return vars;
  }

  static void fire(ProcessInstance pi, String boundaryEvent, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at.plusSeconds(1)));
    Job job = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(boundaryEvent).singleResult();
    assertThat(job.getDuedate()).isEqualTo(Date.from(at));
    execute(job);
  }
}
