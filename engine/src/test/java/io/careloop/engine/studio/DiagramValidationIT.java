package io.careloop.engine.studio;

import static io.careloop.engine.studio.Diagrams.AUTO_CLOSE_CALL;
import static io.careloop.engine.studio.Diagrams.edit;
import static io.careloop.engine.studio.Diagrams.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the studio refuses before anything reaches the engine: hostile diagrams (code execution,
 * XXE, huge files), CareLoop's rules, the engine's own parse. Each refusal names its rule and the
 * element, and nothing is deployed.
 */
class DiagramValidationIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    private CareLoop careLoop() {
        return careLoops.on(Kind.H2);
    }

    private List<ValidationError> errors(String name, String xml) {
        return errors(new StudioFile(name, xml.getBytes(StandardCharsets.UTF_8)));
    }

    private List<ValidationError> errors(StudioFile file) {
        return careLoop().studio().validator().validate(List.of(file), false).errors();
    }

    private List<ValidationError> lifecycleWith(String from, String to) {
        return errors("ticket-lifecycle.bpmn", edit(lifecycle(), from, to));
    }

    @Test
    void theBundledDiagramsPass() {
        for (String r : List.of("ticket-lifecycle.bpmn", "feedback-loop.bpmn", "adverse-event-case.bpmn",
                "classify-ticket.dmn", "satisfaction.dmn", "adverse-event-signals.dmn", "regulatory-clock.dmn")) {
            assertThat(errors(r, Diagrams.bundled(r))).as(r).isEmpty();
        }
        assertThat(errors("ticket-lifecycle.bpmn", Diagrams.lifecycleWithCheckTask())).isEmpty();
    }

    @Test
    void aScriptTaskIsRefusedAtItsElement() {
        List<ValidationError> errors = lifecycleWith("<bpmn:serviceTask id=\"auto-close-ticket\" name=\"Auto-close ticket\"\n"
                + "                      " + AUTO_CLOSE_CALL + ">", "<bpmn:scriptTask id=\"auto-close-ticket\" scriptFormat=\"groovy\">"
                + "<bpmn:script>'rm -rf /'.execute()</bpmn:script>");
        // the closing tag no longer matches: fix it so that only the script is at fault
        assertThat(errors).extracting(ValidationError::code).contains("xml-malformed");

        String xml = lifecycle().replace("<bpmn:serviceTask id=\"auto-close-ticket\" name=\"Auto-close ticket\"\n"
                + "                      " + AUTO_CLOSE_CALL + ">", "<bpmn:scriptTask id=\"auto-close-ticket\" scriptFormat=\"groovy\">"
                + "<bpmn:script>'rm -rf /'.execute()</bpmn:script>");
        xml = xml.replaceFirst("(?s)(<bpmn:scriptTask id=\"auto-close-ticket\".*?)</bpmn:serviceTask>", "$1</bpmn:scriptTask>");
        assertThat(errors("ticket-lifecycle.bpmn", xml))
                .anySatisfy(e -> {
                    assertThat(e.code()).isEqualTo("script-task");
                    assertThat(e.elementId()).isEqualTo("auto-close-ticket");
                    assertThat(e.file()).isEqualTo("ticket-lifecycle.bpmn");
                });
    }

    @Test
    void aClassDelegateIsRefused() {
        assertThat(lifecycleWith(AUTO_CLOSE_CALL, "camunda:class=\"com.example.Evil\""))
                .anySatisfy(e -> assertThat(e).extracting(ValidationError::code, ValidationError::elementId)
                        .containsExactly("class-reference", "auto-close-ticket"));
    }

    @Test
    void activitiAttributesCountAsCamundaOnes() {
        String xml = edit(lifecycle(), AUTO_CLOSE_CALL, "activiti:class=\"com.example.Evil\"");
        xml = edit(xml, "xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda=");
        assertThat(errors("ticket-lifecycle.bpmn", xml)).extracting(ValidationError::code).contains("class-reference");
    }

    @Test
    void aDelegateExpressionIsRefused() {
        assertThat(lifecycleWith(AUTO_CLOSE_CALL, "camunda:delegateExpression=\"${ticketProcess}\""))
                .extracting(ValidationError::code).contains("delegate-expression");
    }

    @Test
    void expressionsThatWouldRunCodeAreRefused() {
        for (String hostile : List.of(
                "${runtime.exec('touch /tmp/pwned')}",
                "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
                "${execution.getProcessEngineServices().getRuntimeService()}",
                "${fn:exec('id')}",
                "${Runtime.getRuntime()}",
                "${ticketProcess.bind(null)}",
                "${classification['class']}",
                "${classification.class}",
                "${ticketProcess.autoClosed(execution).getClass()}")) {
            assertThat(lifecycleWith(AUTO_CLOSE_CALL, "camunda:expression=\"" + hostile + "\""))
                    .as(hostile)
                    .anySatisfy(e -> assertThat(e).extracting(ValidationError::code, ValidationError::elementId)
                            .containsExactly("expression-not-allowed", "auto-close-ticket"));
        }
    }

    @Test
    void conditionsAndTimersAreCheckedToo() {
        assertThat(lifecycleWith("${pvOutcome == \"confirmed\"}", "${T(java.lang.Runtime).getRuntime()}"))
                .anySatisfy(e -> assertThat(e.elementId()).isEqualTo("flow-pv-confirmed"));
        assertThat(lifecycleWith("${autoCloseAfter}", "in a week"))
                .anySatisfy(e -> assertThat(e).extracting(ValidationError::code, ValidationError::elementId)
                        .containsExactly("timer-invalid", "auto-close-timer"));
        assertThat(lifecycleWith("${autoCloseAfter}", "P7D")).isEmpty();
        assertThat(lifecycleWith("${autoCloseAfter}", "${unknownVariable}"))
                .anySatisfy(e -> assertThat(e.message()).contains("unknownVariable"));
    }

    @Test
    void scriptsInListenersConnectorsAndScriptLanguagesAreRefused() {
        assertThat(lifecycleWith(AUTO_CLOSE_CALL + ">", AUTO_CLOSE_CALL + "><bpmn:extensionElements>"
                + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"javascript\">java.lang.System.exit(1)"
                + "</camunda:script></camunda:executionListener></bpmn:extensionElements>"))
                .extracting(ValidationError::code).contains("listener-not-allowed", "script");
        assertThat(lifecycleWith("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${pvOutcome == \"confirmed\"}",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true"))
                .extracting(ValidationError::code).contains("script");
    }

    @Test
    void anExternalEntityIsRefusedBeforeAnyParserResolvesIt() {
        String xxe = edit(lifecycle(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        xxe = edit(xxe, "name=\"Ticket received\"", "name=\"&x;\"");
        assertThat(errors("ticket-lifecycle.bpmn", xxe)).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("xml-doctype"));
    }

    @Test
    void aHugeFileIsRefusedUnread() {
        byte[] huge = new byte[DiagramValidator.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThat(errors(new StudioFile("huge.bpmn", huge))).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("file-too-large"));
    }

    @Test
    void everyUserTaskNeedsAnExistingQueue() {
        assertThat(lifecycleWith("camunda:candidateGroups=\"${classification.queue}\"", "camunda:candidateGroups=\"nobody\""))
                .anySatisfy(e -> assertThat(e).extracting(ValidationError::code, ValidationError::elementId)
                        .containsExactly("unknown-queue", "handle"));
        assertThat(lifecycleWith("camunda:candidateGroups=\"${classification.queue}\"", ""))
                .extracting(ValidationError::code).contains("candidate-group-missing");
    }

    @Test
    void theHistoryTimeToLiveIsRequired() {
        assertThat(lifecycleWith("camunda:historyTimeToLive=\"P180D\"", ""))
                .anySatisfy(e -> assertThat(e).extracting(ValidationError::code, ValidationError::elementId)
                        .containsExactly("history-time-to-live-missing", "ticket-lifecycle"));
    }

    @Test
    void theAdverseEventPathCannotBeRemovedWithoutTheOverride() {
        String xml = edit(lifecycle(), "camunda:candidateGroups=\"pharmacovigilance\"", "camunda:candidateGroups=\"quality\"");
        StudioFile file = new StudioFile("ticket-lifecycle.bpmn", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(careLoop().studio().validator().validate(List.of(file), false).errors())
                .singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("adverse-event-path-removed"));
        DiagramValidator.Result overridden = careLoop().studio().validator().validate(List.of(file), true);
        assertThat(overridden.errors()).isEmpty();
        assertThat(overridden.adverseEventPathOverridden()).isTrue();
    }

    @Test
    void theEnginesOwnParseReportsTheElement() {
        assertThat(lifecycleWith("sourceRef=\"received\" targetRef=\"category-given\"", "sourceRef=\"received\" targetRef=\"nowhere\""))
                .anySatisfy(e -> {
                    assertThat(e.code()).isEqualTo("engine-parse");
                    assertThat(e.elementId()).isEqualTo("flow-received");
                });
    }

    @Test
    void aDecisionWithAnotherExpressionLanguageIsRefusedAtItsDecision() {
        String dmn = edit(Diagrams.bundled("satisfaction.dmn"), "<inputExpression ",
                "<inputExpression expressionLanguage=\"groovy\" ");
        assertThat(errors("satisfaction.dmn", dmn)).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo("dmn-expression-language");
            assertThat(e.elementId()).isNotNull();
        });
        assertThat(errors("broken.dmn", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\""
                + " name=\"d\" namespace=\"x\"><decision id=\"broken\" name=\"b\"><decisionTable id=\"t\"><input id=\"i\">"
                + "</input></decisionTable></decision></definitions>"))
                .extracting(ValidationError::code).contains("history-time-to-live-missing", "dmn-parse");
    }

    @Test
    void aForeignModelersFileListsWhatIsNotSupported() {
        String foreign = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">
                  <bpmn:process id="imported" isExecutable="true">
                    <bpmn:startEvent id="start"/>
                    <bpmn:complexGateway id="complex"/>
                    <bpmn:serviceTask id="call"><bpmn:extensionElements><zeebe:taskDefinition type="x"/></bpmn:extensionElements></bpmn:serviceTask>
                    <bpmn:userTask id="work"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.strip();
        assertThat(errors("imported.bpmn", foreign))
                .extracting(ValidationError::code, ValidationError::elementId)
                .contains(org.assertj.core.groups.Tuple.tuple("unsupported-element", "complex"),
                        org.assertj.core.groups.Tuple.tuple("unsupported-extension", "call"),
                        org.assertj.core.groups.Tuple.tuple("candidate-group-missing", "work"),
                        org.assertj.core.groups.Tuple.tuple("history-time-to-live-missing", "imported"));
    }

    @Test
    void aRefusedDeploymentDeploysNothing() {
        long before = careLoop().processEngine().getRepositoryService().createDeploymentQuery().count();
        assertThatThrownBy(() -> careLoop().studio().deploy(List.of(new StudioFile("ticket-lifecycle.bpmn",
                edit(lifecycle(), AUTO_CLOSE_CALL, "camunda:class=\"com.example.Evil\"").getBytes(StandardCharsets.UTF_8)),
                new StudioFile("satisfaction.dmn", "not xml".getBytes(StandardCharsets.UTF_8))),
                "try", "sv", false, false))
                .isInstanceOfSatisfying(DeploymentRejectedException.class, e -> assertThat(e.errors())
                        .extracting(ValidationError::file).contains("ticket-lifecycle.bpmn", "satisfaction.dmn"));
        assertThat(careLoop().processEngine().getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
    }
}
