package io.careloop.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** escalation-ladder.dmn: the defaults send every queue's L2 to the supervisors and L3 to the department heads. */
class EscalationLadderDecisionTest {

  static ProcessEngine engine;

  @BeforeAll
  static void deploy() {
    engine = TestProcessEngines.build(EscalationLadderDecisionTest.class, Map.of());
    engine.getRepositoryService().createDeployment().addClasspathResource("escalation-ladder.dmn").deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "service-desk, 1, supervisors", "service-desk, 2, department-heads",
      "pharmacovigilance, 1, supervisors", "pharmacovigilance, 2, department-heads",
      "quality, 2, department-heads", "null, 1, supervisors"})
  void eachLevelAddsItsGroup(String queue, int level, String group) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("queue", queue);
    vars.put("level", level);
    assertThat((String) engine.getDecisionService().evaluateDecisionByKey("escalation-ladder").variables(vars)
        .evaluate().getSingleResult().getSingleEntry()).isEqualTo(group);
  }

  @ParameterizedTest
  @CsvSource({"service-desk, 3", "quality, 0"})
  void thereIsNoStepBeyondTheLadder(String queue, int level) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("queue", queue);
    vars.put("level", level);
    assertThat(engine.getDecisionService().evaluateDecisionByKey("escalation-ladder").variables(vars).evaluate())
        .isEmpty();
  }
}
