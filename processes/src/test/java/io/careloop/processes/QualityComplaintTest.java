package io.careloop.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
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

/** quality-complaint.bpmn: one test per path; the sample-return timer fired by moving the engine clock. */
@Deployment(resources = {"quality-complaint.bpmn", "quality-complaint-policy.dmn"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QualityComplaintTest {

  static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
  static final RecordingTicketProcess beans = new RecordingTicketProcess();

  @RegisterExtension
  static final ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(TestProcessEngines.configuration(QualityComplaintTest.class, RecordingTicketProcess.beans(beans)))
      .assertClassCoverageAtLeast(1.0)
      .build();

  @BeforeEach
  void setUp() {
    beans.reset();
    beans.nextOpensCapa = false;
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void a_complaint_without_sample_or_recurrence_is_investigated_and_closed() {
    // Given a quality complaint waiting for its product details
    ProcessInstance pi = start("T-4001");
    assertThat(pi).isWaitingAtExactly("capture-details");
    assertThat(task()).hasCandidateGroup("quality");

    // When product and lot are recorded, no sample is asked back and it makes no cluster
    complete(task(pi), details(false));

    // Then only the investigation is open; completing it closes the complaint
    assertThat(pi).hasPassedInOrder("capture-details", "quality-policy", "check-recurrence", "work-fork", "sample-requested", "sample-done")
        .hasPassed("capa-needed", "capa-merged").hasNotPassed("sample-return", "capa")
        .isWaitingAtExactly("investigate", "work-join");
    complete(task(pi), Map.of("findings", "blister foil intact", "rootCause", "transport damage", "confirmed", false));
    assertThat(pi).hasPassedInOrder("investigate", "record-investigation", "work-join", "record-closure", "complaint-closed")
        .isEnded();
    assertThat(beans.calls("quality.checkRecurrence")).singleElement()
        .satisfies(c -> assertThat(c.variables()).containsEntry("product", "Amoxicillin 500 mg").containsEntry("lot", "22A17"));
    assertThat(beans.calls("quality.investigated")).singleElement()
        .satisfies(c -> assertThat(c.variables()).containsEntry("rootCause", "transport damage"));
    assertThat(beans.calls("quality.closed")).hasSize(1);
  }

  @Test
  void a_requested_sample_comes_before_the_investigation_and_a_late_one_reminds_quality_once() {
    // Given a complaint whose sample is asked back
    ProcessInstance pi = start("T-4002");
    complete(task(pi), details(true));
    assertThat(pi).isWaitingAtExactly("sample-return", "work-join");
    Job overdue = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("sample-overdue").singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));

    // When the return window passes without a sample
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(14)).plusSeconds(1)));
    execute(overdue);

    // Then quality is reminded and the sample task stays open until the sample arrives
    assertThat(pi).hasPassed("remind-sample", "sample-reminded").isWaitingAtExactly("sample-return", "work-join");
    assertThat(beans.calls("quality.sampleOverdue")).hasSize(1);
    complete(task(pi), Map.of("sampleReceived", true, "sampleCondition", "sealed, 28 tablets"));
    assertThat(pi).hasPassedInOrder("sample-return", "record-sample", "sample-done").isWaitingAtExactly("investigate", "work-join");
    assertThat(beans.calls("quality.sampleRecorded")).singleElement()
        .satisfies(c -> assertThat(c.variables()).containsEntry("sampleCondition", "sealed, 28 tablets"));
    complete(task(pi), Map.of("findings", "discoloured coating", "rootCause", "humidity in storage", "confirmed", true));
    assertThat(pi).isEnded();
  }

  @Test
  void the_complaint_that_opens_a_capa_waits_for_the_capa_and_the_investigation() {
    // Given the complaint that reaches the recurrence threshold of its product and lot
    beans.nextOpensCapa = true;
    ProcessInstance pi = start("T-4003");

    // When its details are recorded
    complete(task(pi), details(false));

    // Then the CAPA and the investigation are open side by side
    assertThat(pi).variables().containsEntry("capaOpened", true).containsEntry("capaNumber", "CAPA-1");
    assertThat(pi).isWaitingAt("capa", "investigate");
    assertThat(taskQuery().taskDefinitionKey("capa").singleResult()).hasCandidateGroup("quality");

    // the investigation alone does not close the complaint
    complete(taskQuery().taskDefinitionKey("investigate").singleResult(),
        Map.of("findings", "same lot, same defect", "rootCause", "coating machine", "confirmed", true));
    // (the token of the finished investigation waits at the join)
    assertThat(pi).isWaitingAtExactly("capa", "work-join");

    // the CAPA done, the complaint closes
    complete(task(pi), Map.of("capaAction", "coating line re-qualified; lot 22A17 quarantined"));
    assertThat(pi).hasPassedInOrder("capa", "record-capa", "capa-merged", "work-join", "record-closure").isEnded();
    assertThat(beans.calls("quality.capaDone")).singleElement()
        .satisfies(c -> assertThat(c.variables()).containsEntry("capaNumber", "CAPA-1"));
  }

  @Test
  void the_policy_table_gives_n_and_the_window_per_product() {
    assertThat(policy("Amoxicillin 500 mg")).containsEntry("recurrenceThreshold", 3)
        .containsEntry("recurrenceWindow", "P90D").containsEntry("sampleReturnWithin", "P14D");
    assertThat(policy("流感疫苗 Influenza vaccine")).containsEntry("recurrenceThreshold", 2)
        .containsEntry("recurrenceWindow", "P180D").containsEntry("sampleReturnWithin", "P7D");
    assertThat(policy(null)).containsEntry("recurrenceThreshold", 3);
  }

  static Map<String, Object> policy(String product) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("product", product);
    return BpmnAwareTests.processEngine().getDecisionService().evaluateDecisionByKey("quality-complaint-policy")
        .variables(vars).evaluate().getSingleResult().getEntryMap();
  }

  static ProcessInstance start(String ticketNumber) {
    return runtimeService().startProcessInstanceByKey("quality-complaint", ticketNumber,
        Map.of("ticketNumber", ticketNumber));
  }

  static Map<String, Object> details(boolean sampleRequested) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("product", "Amoxicillin 500 mg");
    vars.put("lot", "22A17");
    vars.put("expiry", "2027-06-30");
    vars.put("sampleRequested", sampleRequested);
    return vars;
  }
}
