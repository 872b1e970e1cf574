package io.careloop.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** survey-policy.dmn: the default survey window (reminder after 3 days, closed after 7) for any ticket. */
class SurveyPolicyDecisionTest {

  static ProcessEngine engine;

  @BeforeAll
  static void deploy() {
    engine = TestProcessEngines.build(SurveyPolicyDecisionTest.class, Map.of());
    engine.getRepositoryService().createDeployment().addClasspathResource("survey-policy.dmn").deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "email, service-process, B", "phone, product-quality, VIP", "survey, null, null", "null, null, null"})
  void everyTicketGetsTheDefaultWindow(String channel, String category, String tier) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("channel", channel);
    vars.put("category", category);
    vars.put("tier", tier);
    DmnDecisionResultEntries r = engine.getDecisionService().evaluateDecisionByKey("survey-policy").variables(vars)
        .evaluate().getSingleResult();
    assertThat((String) r.getEntry("reminderAfter")).isEqualTo("P3D");
    assertThat((String) r.getEntry("responseWindow")).isEqualTo("P7D");
  }
}
