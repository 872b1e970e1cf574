package io.careloop.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.customer.Tier;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * CareLoop's DMN engine (parsed FEEL kept, see CachedFeelEngine) decides exactly as Camunda's stock
 * DMN engine: the same results for every input of the bundled decisions, the same errors for
 * broken decisions, and the same again when the parsed expressions come from the cache.
 */
class CachedFeelEngineTest {

    private final DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnEngine careLoop = EngineSetup.dmnEngineConfiguration().buildEngine();

    @Test
    void classifyTicketGivesCamundasResultForEveryCategorySeverityAndTier() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String category : codes(Category.values(), Category::code)) {
            for (String severity : codes(Severity.values(), Severity::code)) {
                for (String tier : codes(Tier.values(), Tier::code)) {
                    Map<String, Object> vars = new HashMap<>();
                    vars.put("category", category);
                    vars.put("severity", severity);
                    vars.put("tier", tier);
                    inputs.add(vars);
                }
            }
        }
        assertSameOutcomes("classify-ticket", inputs);
    }

    @Test
    void defaultSeverityGivesCamundasResultForEveryCategory() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String category : codes(Category.values(), Category::code)) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("category", category);
            inputs.add(vars);
        }
        assertSameOutcomes("default-severity", inputs);
    }

    @Test
    void categoriseTicketGivesCamundasResultForChineseAndEnglishText() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String text : Arrays.asList(null, "", "订单延迟，何时发货？", "患者服药后出现皮疹", "药品包装破损，批号 A123",
                "I took a double dose by mistake", "Can I take this while pregnant?", "The driver was rude",
                "Invoice missing for order 42", "lot no 7781 leaking", "nothing to match here")) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("text", text);
            inputs.add(vars);
        }
        assertSameOutcomes("categorise-ticket", inputs);
    }

    @Test
    void brokenDecisionsFailWithCamundasExceptionAndMessage() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="broken" name="broken" namespace="test">
                  <decision id="unparsable" name="unparsable">
                    <decisionTable id="t1">
                      <input id="i1"><inputExpression id="ie1" typeRef="string"><text>x</text></inputExpression></input>
                      <output id="o1" name="out" typeRef="string" />
                      <rule id="r1">
                        <inputEntry id="e1"><text>&gt; &gt; "a"</text></inputEntry>
                        <outputEntry id="oe1"><text>"hit"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                  <decision id="failing" name="failing">
                    <decisionTable id="t2">
                      <input id="i2"><inputExpression id="ie2" typeRef="string"><text>x</text></inputExpression></input>
                      <output id="o2" name="out" typeRef="string" />
                      <rule id="r2">
                        <inputEntry id="e2"><text>-</text></inputEntry>
                        <outputEntry id="oe2"><text>assert(x, x = "never")</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                  <decision id="missing-variable" name="missing-variable">
                    <decisionTable id="t3">
                      <input id="i3"><inputExpression id="ie3" typeRef="string"><text>nowhere.field</text></inputExpression></input>
                      <output id="o3" name="out" typeRef="string" />
                      <rule id="r3">
                        <inputEntry id="e3"><text>"a"</text></inputEntry>
                        <outputEntry id="oe3"><text>"hit"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        Map<String, Object> x = new HashMap<>(Map.of("x", "a"));
        // a missing variable is null in FEEL (no failure): it must stay so
        for (String decision : List.of("unparsable", "failing", "missing-variable")) {
            String expected = outcome(stock, parse(stock, dmn, decision), x);
            assertThat(expected).as(decision).startsWith(decision.equals("missing-variable") ? "result: []" : "failed:");
            DmnDecision ours = parse(careLoop, dmn, decision);
            assertThat(outcome(careLoop, ours, x)).as(decision).isEqualTo(expected);
            assertThat(outcome(careLoop, ours, x)).as(decision + " again").isEqualTo(expected);
        }
    }

    private void assertSameOutcomes(String decisionKey, List<Map<String, Object>> inputs) {
        DmnDecision stockDecision = bundled(stock, decisionKey);
        DmnDecision ourDecision = bundled(careLoop, decisionKey);
        for (Map<String, Object> vars : inputs) {
            String expected = outcome(stock, stockDecision, vars);
            // the first evaluation parses and keeps the expressions, the second one uses them
            assertThat(outcome(careLoop, ourDecision, vars)).as("%s %s", decisionKey, vars).isEqualTo(expected);
            assertThat(outcome(careLoop, ourDecision, vars)).as("%s %s again", decisionKey, vars).isEqualTo(expected);
        }
    }

    /** The result list, or the exception (type and message) the evaluation threw. */
    private static String outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> vars) {
        try {
            return "result: " + engine.evaluateDecisionTable(decision, vars).getResultList();
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static DmnDecision bundled(DmnEngine engine, String key) {
        try (InputStream in = CachedFeelEngineTest.class.getClassLoader().getResourceAsStream("classify-ticket.dmn")) {
            assertThat(in).as("classify-ticket.dmn on the classpath").isNotNull();
            return engine.parseDecision(key, in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DmnDecision parse(DmnEngine engine, String xml, String key) {
        return engine.parseDecision(key, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static <E> List<String> codes(E[] values, java.util.function.Function<E, String> code) {
        return Stream.concat(Stream.of((String) null), Arrays.stream(values).map(code)).toList();
    }
}
