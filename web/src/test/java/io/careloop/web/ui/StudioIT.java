package io.careloop.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.CareLoop;
import io.careloop.engine.studio.Batches;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.Browser;
import io.careloop.web.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisor studio in a real headless Chromium (issue 6): ticket-lifecycle gets a user task and
 * is deployed with a comment; a new ticket follows the new version while an old one stays; an invalid
 * diagram is refused with its errors at the elements; a migration moves the old ticket; the monitor
 * shows where tickets wait. The user task is added through the modeler's JS API (window.__studio),
 * everything else is clicked. Screenshots under web/target/screenshots/studio-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioIT {

    private static final String KEY = "ticket-lifecycle";
    private static TestServer server;
    private static Browser sue;
    private static String oldTicket;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.H2, "StudioIT");
        server.agentOfEveryQueue("ana");
        server.user("sue", Role.SUPERVISOR);
        oldTicket = newTicket("Old flow: label smudged");
        sue = Browser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (sue != null) sue.close();
        } finally {
            server.close();
        }
    }

    private static String newTicket(String subject) {
        return server.session("ana").post("/api/v1/tickets", Map.of("subject", subject, "channel", "web"))
                .json().path("number").asText();
    }

    private static void login(Browser b, String path, String username) {
        b.open(server.base() + "/health");
        b.driver().manage().deleteAllCookies();
        b.driver().executeScript("sessionStorage.clear(); localStorage.clear();");
        b.open(server.base() + path);
        b.type("input[name=username]", username);
        b.type("input[name=password]", TestServer.PASSWORD);
        b.click("[data-testid=login-submit]");
        b.find("[data-testid=who]");
    }

    /** The process version the ticket's instance runs on, as the engine has it. */
    private static int versionOf(String ticketNumber) {
        CareLoop c = server.careLoop();
        String pi = c.tickets().find(ticketNumber).processInstanceId();
        String def = c.processEngine().getRuntimeService().createProcessInstanceQuery().processInstanceId(pi)
                .singleResult().getProcessDefinitionId();
        return c.processEngine().getRepositoryService().getProcessDefinition(def).getVersion();
    }

    private static JsonNode versions() {
        return server.session("sue").get("/api/v1/processes/" + KEY + "/versions").json().path("items");
    }

    private static Object js(String script) {
        return sue.driver().executeScript(script);
    }

    private static void editorReady(String elementId) {
        sue.find("[data-testid=bpmn-editor][data-state=ready]");
        sue.find("[data-testid=canvas] g[data-element-id='" + elementId + "']");
    }

    @Test
    @Order(1)
    void anAgentIsNotShownTheStudioAndIsToldWhy() {
        Browser ana = Browser.start();
        try {
            login(ana, "/queues/mine", "ana");
            assertThat(ana.driver().findElements(By.cssSelector("[data-testid=nav-studio]"))).isEmpty();
            ana.open(server.base() + "/studio");
            ana.waitForText("[data-testid=studio-denied]", "supervisors and admins");
            // the studio's chunk (bpmn-js, dmn-js) was never loaded for the agent
            Object loaded = ana.driver().executeScript("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('StudioScreen')).length");
            assertThat(((Number) loaded).intValue()).isZero();
            ana.screenshot("studio-01-agent-denied");
        } finally {
            ana.close();
        }
    }

    @Test
    @Order(2)
    void aSupervisorAddsAUserTaskAndDeploysItWithAComment() {
        login(sue, "/queues/mine", "sue");
        sue.click("[data-testid=nav-studio]");
        sue.find("[data-testid=studio-list] tr[data-key='" + KEY + "']");
        sue.screenshot("studio-02-list");
        sue.click("tr[data-key='" + KEY + "'] a[data-action=open]");
        editorReady("handle");
        assertThat(sue.find(".bjs-powered-by").isDisplayed()).as("bpmn.io mark visible").isTrue();

        Object added = js("""
                const m = window.__studio.modeler;
                const reg = m.get('elementRegistry'), modeling = m.get('modeling');
                const flow = reg.get('flow-handled'), target = flow.target, src = flow.source;
                const bo = m.get('bpmnFactory').create('bpmn:UserTask', { id: 'check-reply', name: 'Check the reply' });
                bo.set('camunda:candidateGroups', 'service-desk');
                const shape = m.get('elementFactory').createShape({ type: 'bpmn:UserTask', businessObject: bo });
                modeling.createShape(shape, { x: src.x + src.width / 2, y: src.y + src.height + 140 }, src.parent);
                modeling.reconnectEnd(flow, shape, { x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 });
                modeling.connect(shape, target);
                return reg.get('check-reply') ? 'added' : 'missing';""");
        assertThat(added).isEqualTo("added");
        sue.find("[data-testid=canvas] g[data-element-id='check-reply']");

        // the comment is required: an empty one is refused in the page, nothing is sent
        sue.click("[data-testid=deploy]");
        sue.click("[data-testid=deploy-confirm]");
        sue.find("[data-testid=deploy-dialog] .error");
        assertThat(versions().get(0).path("version").asInt()).isEqualTo(1);
        sue.type("[data-testid=deploy-comment]", "Check every reply before the feedback loop");
        sue.screenshot("studio-03-deploy-dialog");
        sue.click("[data-testid=deploy-confirm]");
        sue.waitForText("[data-testid=editor-notice]", "ticket-lifecycle v2");
        editorReady("check-reply");
        sue.screenshot("studio-04-deployed");

        JsonNode latest = versions().get(0);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("comment").asText()).isEqualTo("Check every reply before the feedback loop");
        assertThat(latest.path("deployedBy").asText()).isEqualTo("sue");
        String fresh = newTicket("New flow: label smudged");
        assertThat(versionOf(fresh)).as("a new ticket follows the new version").isEqualTo(2);
        assertThat(versionOf(oldTicket)).as("an old ticket stays on its version").isEqualTo(1);
    }

    @Test
    @Order(3)
    void anInvalidDiagramIsRefusedWithItsErrorsAtTheElements() {
        editorReady("check-reply");
        js("""
                const m = window.__studio.modeler;
                m.get('modeling').updateProperties(m.get('elementRegistry').get('check-reply'),
                    { 'camunda:candidateGroups': 'nobody' });""");
        sue.click("[data-testid=deploy]");
        sue.type("[data-testid=deploy-comment]", "Give the check to nobody");
        sue.click("[data-testid=deploy-confirm]");
        sue.waitForText("[data-testid=deploy-error]", "Refused");
        sue.waitForText("[data-testid=problems] li[data-element-id='check-reply'][data-code=unknown-queue]", "nobody");
        sue.find(".studio-problem-badge[data-element-id='check-reply']");
        sue.find("[data-testid=canvas] g[data-element-id='check-reply'].studio-error");
        // the list selects the element on the diagram; the typed comment and the edit are kept
        sue.click("[data-testid=problems] li[data-element-id='check-reply'] button");
        assertThat(js("return window.__studio.modeler.get('selection').get().map(e => e.id).join()")).isEqualTo("check-reply");
        assertThat(sue.find("[data-testid=deploy-comment]").getAttribute("value")).isEqualTo("Give the check to nobody");
        assertThat(js("return window.__studio.modeler.get('elementRegistry').get('check-reply')"
                + ".businessObject.get('camunda:candidateGroups')")).isEqualTo("nobody");
        sue.screenshot("studio-05-refused-at-element");
        assertThat(versions().get(0).path("version").asInt()).as("nothing deployed").isEqualTo(2);
    }

    @Test
    @Order(4)
    void aFileFromAnotherModelerIsCheckedAndWhatIsUnsupportedListed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other-modeler.bpmn");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
                  <bpmn:process id="imported" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g" />
                    <bpmn:complexGateway id="g" /><bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e" />
                    <bpmn:endEvent id="e" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        sue.click("[data-nav=import]");
        sue.driver().findElement(By.cssSelector("[data-testid=import-file]")).sendKeys(file.toString());
        sue.find("[data-testid=import-result][data-valid=false]");
        sue.waitForText("[data-testid=problems] li[data-element-id='g'][data-code=unsupported-element]", "g");
        sue.screenshot("studio-06-import-unsupported");
    }

    @Test
    @Order(5)
    void historyShowsTheDiffOnTheDiagrams() {
        sue.open(server.base() + "/studio/" + KEY + "/history");
        sue.find("[data-testid=history] tr[data-version='2']");
        sue.click("[data-testid=compare]");
        sue.find("[data-testid=diff-added] li[data-element-id='check-reply']");
        sue.find("[data-testid=diff-to] g[data-element-id='check-reply'].diff-added");
        sue.screenshot("studio-07-history-diff");
    }

    @Test
    @Order(6)
    void aMigrationMovesTheOldTicketAndTheMonitorShowsWhereTicketsWait() {
        sue.click("[data-testid=studio-tabs] a[data-tab=migrate]");
        new Select(sue.find("select[name=fromVersion]")).selectByValue("1");
        new Select(sue.find("select[name=toVersion]")).selectByValue("2");
        sue.click("[data-testid=migration-preview]");
        sue.waitForText("[data-testid=migration-counts]", "1 can move, 0 cannot");
        sue.screenshot("studio-08-migration-preview");
        sue.click("[data-testid=migration-run]");
        sue.find("[data-testid=migration-status]");
        // tests run without the job executor: run the batch's jobs as it would
        CareLoop c = server.careLoop();
        for (Batch b : c.processEngine().getManagementService().createBatchQuery().list()) {
            Batches.runToEnd(c.processEngine(), b.getId());
        }
        sue.find("[data-testid=migration-status][data-state=completed]");
        sue.waitForText("[data-testid=migration-outcome]", "1 tickets moved from v1 to v2");
        sue.screenshot("studio-09-migration-done");
        assertThat(versionOf(oldTicket)).as("the old ticket moved").isEqualTo(2);

        sue.click("[data-testid=studio-tabs] a[data-tab=monitor]");
        sue.find("[data-testid=monitor-diagram][data-loaded=yes]");
        sue.waitForText(".studio-heat-badge[data-element-id='handle']", "2");
        sue.find("[data-testid=monitor-table] tr[data-activity='handle'].sla-on-track");
        sue.find("[data-testid=incidents-empty]");
        sue.screenshot("studio-10-monitor");
        ApiClient api = server.session("sue");
        JsonNode monitor = api.get("/api/v1/processes/" + KEY + "/monitor?version=1").json();
        assertThat(monitor.path("activities")).as("nothing left on v1").allSatisfy(a ->
                assertThat(a.path("active").asLong()).isZero());
    }
    @Test
    @Order(7)
    void aDecisionTableFromATemplateOpensInDmnJsAndIsDeployed() {
        sue.click("[data-nav=new]");
        sue.click("input[name=template][value=decision-table]");
        sue.type("input[name=key]", "refund-queue");
        sue.type("input[name=name]", "Refund queue 退款队列");
        sue.click("[data-testid=new-create]");
        sue.find("[data-testid=dmn-editor][data-state=ready] .tjs-table");
        sue.click("[data-testid=deploy]");
        sue.type("[data-testid=deploy-comment]", "A first table for refunds");
        sue.click("[data-testid=deploy-confirm]");
        sue.waitForText("[data-testid=studio-flash]", "refund-queue v1");
        sue.find("[data-testid=dmn-editor][data-state=ready] .tjs-table");
        sue.screenshot("studio-11-decision-table");
        JsonNode v = server.session("sue").get("/api/v1/processes/refund-queue/versions").json().path("items").get(0);
        assertThat(v.path("type").asText()).isEqualTo("decision");
        assertThat(v.path("comment").asText()).isEqualTo("A first table for refunds");
    }
}
