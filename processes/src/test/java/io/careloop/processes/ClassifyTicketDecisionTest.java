package io.careloop.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Deployment(resources = {"ticket-lifecycle.bpmn", "classify-ticket.dmn"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClassifyTicketDecisionTest {

  static final List<String> CATEGORIES = List.of("medication-error", "adverse-event", "product-quality",
      "medical-inquiry", "service-process", "customer-relationship");
  static final List<String> SEVERITIES = List.of("high", "medium", "low");
  /** null: a patient, who has no tier. */
  static final List<String> TIERS = Arrays.asList("VIP", "A", "B", "C", null);

  // not final: ProcessEngineExtension injects the engine into ProcessEngine fields of the test class
  static ProcessEngine engine =
      TestProcessEngines.build(ClassifyTicketDecisionTest.class, Map.of("ticketProcess", new RecordingTicketProcess()));

  @RegisterExtension
  static final ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(engine).build();

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  // ---------------------------------------------------------------- classify-ticket

  static Stream<Arguments> everyCategorySeverityAndTier() {
    List<Arguments> combinations = new ArrayList<>();
    for (String category : CATEGORIES) {
      for (String severity : SEVERITIES) {
        for (String tier : TIERS) {
          combinations.add(Arguments.of(category, severity, tier));
        }
      }
    }
    return combinations.stream();
  }

  @ParameterizedTest(name = "{0} / {1} / tier {2}")
  @MethodSource("everyCategorySeverityAndTier")
  void every_category_severity_and_tier_gets_exactly_one_classification_following_the_SLA_policy(
      String category, String severity, String tier) {
    // Given a ticket with this category, severity and tier
    VariableMap input = classifyInput(category, severity, tier);

    // When classify-ticket is evaluated
    DmnDecisionResult result = decisions().evaluateDecisionByKey("classify-ticket").variables(input).evaluate();

    // Then exactly one rule answers, with every output set, durations that parse, and the policy of DOMAIN.md
    assertThat(result).hasSize(1);
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    assertThat(row).containsOnlyKeys("priority", "queue", "firstResponseTarget", "resolutionTarget", "slaMode",
        "warningFraction");
    assertThat(row.values()).doesNotContainNull();
    Duration firstResponse = Duration.parse((String) row.get("firstResponseTarget"));
    Duration resolution = Duration.parse((String) row.get("resolutionTarget"));
    assertThat(firstResponse).isLessThanOrEqualTo(Duration.ofHours(24)).isLessThan(resolution);
    assertThat(resolution).isLessThanOrEqualTo(Duration.ofHours(72));
    assertThat(row).isEqualTo(SlaPolicy.expected(category, severity, tier));
  }

  @Test
  void a_high_severity_ticket_is_urgent_with_2_hours_first_response_and_24_hours_resolution() {
    // Given a high-severity quality complaint of a tier-C pharmacy
    // When classified
    Map<String, Object> row = classify("product-quality", "high", "C");
    // Then it is urgent: 2 h / 24 h, complexity does not matter
    assertThat(row).containsEntry("priority", "urgent")
        .containsEntry("queue", "quality")
        .containsEntry("firstResponseTarget", "PT2H")
        .containsEntry("resolutionTarget", "PT24H");
  }

  @Test
  void a_complex_case_of_a_VIP_gets_4_hours_first_response_and_48_instead_of_72_hours_resolution() {
    // Given a medical question of a VIP key opinion leader and the same question of a tier-B doctor
    // When both are classified
    Map<String, Object> vip = classify("medical-inquiry", "medium", "VIP");
    Map<String, Object> standard = classify("medical-inquiry", "medium", "B");
    // Then the VIP gets priority handling and tighter targets
    assertThat(vip).containsEntry("priority", "high")
        .containsEntry("queue", "medical-affairs")
        .containsEntry("firstResponseTarget", "PT4H")
        .containsEntry("resolutionTarget", "PT48H");
    assertThat(standard).containsEntry("priority", "normal")
        .containsEntry("queue", "medical-affairs")
        .containsEntry("firstResponseTarget", "PT24H")
        .containsEntry("resolutionTarget", "PT72H");
  }

  @Test
  void a_general_case_of_a_tier_A_customer_gets_36_instead_of_48_hours_resolution() {
    // Given a low-severity order problem of a tier-A hospital and of a tier-C pharmacy
    // When both are classified
    Map<String, Object> tierA = classify("service-process", "low", "A");
    Map<String, Object> tierC = classify("service-process", "low", "C");
    // Then tier A is normal with 4 h / 36 h, tier C is low with 24 h / 48 h
    assertThat(tierA).containsEntry("priority", "normal")
        .containsEntry("firstResponseTarget", "PT4H")
        .containsEntry("resolutionTarget", "PT36H");
    assertThat(tierC).containsEntry("priority", "low")
        .containsEntry("firstResponseTarget", "PT24H")
        .containsEntry("resolutionTarget", "PT48H");
  }

  @ParameterizedTest(name = "{0} goes to {1}")
  @CsvSource({
      "medication-error,      pharmacovigilance",
      "adverse-event,         pharmacovigilance",
      "product-quality,       quality",
      "medical-inquiry,       medical-affairs",
      "service-process,       service-desk",
      "customer-relationship, service-desk",
  })
  void each_category_goes_to_its_queue(String category, String queue) {
    // Given a tier-B customer, when classified, then the category decides the queue
    assertThat(classify(category, "medium", "B")).containsEntry("queue", queue);
  }

  @ParameterizedTest(name = "tier {0}")
  @ValueSource(strings = {"VIP", "A"})
  void a_customer_relationship_ticket_of_a_VIP_or_tier_A_customer_goes_to_key_accounts(String tier) {
    // Given an unhappy key customer, when classified, then key accounts take it (named agent)
    assertThat(classify("customer-relationship", "low", tier)).containsEntry("queue", "key-accounts");
  }

  @Test
  void a_patient_without_tier_is_classified_like_tier_C() {
    // Given the same ticket of a patient (no tier) and of a tier-C customer
    for (String category : CATEGORIES) {
      for (String severity : SEVERITIES) {
        // When both are classified, then the results are the same
        assertThat(classify(category, severity, null)).isEqualTo(classify(category, severity, "C"));
      }
    }
  }

  @Test
  void a_caller_that_leaves_tier_out_entirely_is_treated_as_tier_C() {
    // Given no tier variable at all
    VariableMap input = Variables.createVariables().putValue("category", "adverse-event").putValue("severity", "medium");
    // When classified
    DmnDecisionResult result = decisions().evaluateDecisionByKey("classify-ticket").variables(input).evaluate();
    // Then it is the standard (tier C) row
    assertThat(result.getSingleResult().getEntryMap()).isEqualTo(classify("adverse-event", "medium", "C"));
  }

  // ---------------------------------------------------------------- categorise-ticket

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      "患者误服了两倍剂量                                    | medication-error",
      "护士发现剂量错误，病人已经服用                         | medication-error",
      "The patient took a double dose this morning           | medication-error",
      "Possible OVERDOSE in a child                          | medication-error",
      "服药后出现皮疹和呕吐                                   | adverse-event",
      "患者因严重过敏住院                                     | adverse-event",
      "I got a skin rash after the second tablet             | adverse-event",
      "Severe allergic reaction, patient hospitalised        | adverse-event",
      "收到的药品包装破损                                     | product-quality",
      "这批药已经过期了，批号看不清                            | product-quality",
      "The blister packaging was broken on arrival           | product-quality",
      "Lot 22A17 looks discoloured                           | product-quality",
      "The lot number on the box is unreadable               | product-quality",
      "Bottle 3 of batch B-0917 leaks                        | product-quality",
      "请问说明书上的用法是什么                                | medical-inquiry",
      "这两种药有相互作用吗                                   | medical-inquiry",
      "Can I take it together with ibuprofen?                | medical-inquiry",
      "Is off-label use in pregnancy documented?             | medical-inquiry",
      "订单还没有发货                                         | service-process",
      "物流太慢，想取消订单                                   | service-process",
      "My order has not been delivered yet                   | service-process",
      "Please send the invoice again                         | service-process",
      "对客服的态度非常不满意，我要投诉                         | customer-relationship",
      "I am unhappy, your rep was rude                       | customer-relationship",
      "A formal complaint about how I was treated            | customer-relationship",
      "你好                                                  | service-process",
      "Hello, please call me back                            | service-process",
      "The web portal crashed and a lot of pages are blank   | service-process",
      "The pilot study team wants to talk to us              | service-process",
  })
  void the_text_decides_the_category(String text, String category) {
    // Given a ticket text, when categorise-ticket is evaluated, then the most specific keyword decides
    assertThat(categorise(text)).isEqualTo(category);
  }

  @ParameterizedTest(name = "text [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void a_missing_or_empty_text_falls_back_to_service_process(String text) {
    // Given no usable text, when categorised, then it does not fail and the service desk triages it
    assertThatCode(() -> categorise(text)).doesNotThrowAnyException();
    assertThat(categorise(text)).isEqualTo("service-process");
  }

  @Test
  void a_caller_that_leaves_text_out_entirely_gets_service_process() {
    // Given no text variable at all, when categorised, then the catch-all answers
    DmnDecisionResult result = decisions().evaluateDecisionByKey("categorise-ticket")
        .variables(Variables.createVariables()).evaluate();
    assertThat((String) result.getSingleEntry()).isEqualTo("service-process");
  }

  // ---------------------------------------------------------------- default-severity

  @ParameterizedTest(name = "{0} defaults to {1}")
  @CsvSource({
      "medication-error,      high",
      "adverse-event,         medium",
      "product-quality,       medium",
      "medical-inquiry,       medium",
      "service-process,       low",
      "customer-relationship, low",
  })
  void each_category_has_its_default_severity(String category, String severity) {
    // Given a category, when default-severity is evaluated, then it answers the severity of DOMAIN.md
    DmnDecisionResult result = decisions().evaluateDecisionByKey("default-severity")
        .variables(Variables.createVariables().putValue("category", category)).evaluate();
    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleEntry()).isEqualTo(severity);
  }

  // ---------------------------------------------------------------- helpers

  static DecisionService decisions() {
    return engine.getDecisionService();
  }

  static VariableMap classifyInput(String category, String severity, String tier) {
    return Variables.createVariables()
        .putValue("category", category)
        .putValue("severity", severity)
        .putValue("tier", tier);
  }

  static Map<String, Object> classify(String category, String severity, String tier) {
    DmnDecisionResult result = decisions().evaluateDecisionByKey("classify-ticket")
        .variables(classifyInput(category, severity, tier)).evaluate();
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntryMap();
  }

  static String categorise(String text) {
    DmnDecisionResult result = decisions().evaluateDecisionByKey("categorise-ticket")
        .variables(Variables.createVariables().putValue("text", text)).evaluate();
    assertThat(result).hasSize(1);
    return result.getSingleEntry();
  }

  /**
   * The SLA policy written out independently of the table, as the oracle for the exhaustive test:
   * DOMAIN.md's targets (urgent 2 h / 24 h; first response 24 h; resolution general 48 h, complex
   * 72 h) with VIP and tier A tightened (4 h first response; 36 h general, 48 h complex).
   */
  static final class SlaPolicy {
    static Map<String, Object> expected(String category, String severity, String tier) {
      boolean key = "VIP".equals(tier) || "A".equals(tier);
      boolean complex = category.equals("product-quality") || category.equals("medical-inquiry");
      String priority = switch (severity) {
        case "high" -> "urgent";
        case "medium" -> key ? "high" : "normal";
        default -> key ? "normal" : "low";
      };
      String queue = switch (category) {
        case "medication-error", "adverse-event" -> "pharmacovigilance";
        case "product-quality" -> "quality";
        case "medical-inquiry" -> "medical-affairs";
        case "customer-relationship" -> key ? "key-accounts" : "service-desk";
        default -> "service-desk";
      };
      boolean urgent = priority.equals("urgent");
      String firstResponse = urgent ? "PT2H" : key ? "PT4H" : "PT24H";
      String resolution = urgent ? "PT24H"
          : complex ? (key ? "PT48H" : "PT72H")
          : (key ? "PT36H" : "PT48H");
      // urgent clocks run around the clock (an on-call desk); the others count working hours
      return Map.of("priority", priority, "queue", queue,
          "firstResponseTarget", firstResponse, "resolutionTarget", resolution,
          "slaMode", urgent ? "calendar" : "business", "warningFraction", 0.8);
    }
  }
}
