package io.careloop.web.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.CareLoop;
import io.careloop.engine.studio.Batches;
import io.careloop.engine.studio.Diagrams;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Multipart;
import io.careloop.web.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;

/**
 * The studio's HTTP contract as a browser or an outside check uses it: list, XML, deploy (201 or
 * 422 with every error), versions, diff, rollback, migration, monitor and incidents; who may call what.
 * The methods run in order: later steps build on the versions earlier ones deployed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioApiTest {

    private static final String KEY = "ticket-lifecycle";
    private TestServer server;
    private final Map<Role, String> tokens = new java.util.EnumMap<>(Role.class);

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        for (Role r : Role.values()) {
            tokens.put(r, server.tokenFor("studio-" + r.name().toLowerCase(java.util.Locale.ROOT), r));
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ApiClient as(Role role) {
        return server.client().withToken(tokens.get(role));
    }

    private Multipart.Answer deploy(Role role, String comment, String name, String xml) {
        Multipart form = new Multipart();
        if (comment != null) {
            form.field("comment", comment);
        }
        return form.file("file", name, "application/xml", xml.getBytes(StandardCharsets.UTF_8))
                .post(server.base(), "/api/v1/deployments", tokens.get(role));
    }

    private int latest() {
        return as(Role.SUPERVISOR).get("/api/v1/processes/" + KEY + "/versions").json().path("items").get(0)
                .path("version").asInt();
    }

    @Test
    @Order(1)
    void onlySupervisorsAndAdminsDeployAndAgentsAndIntegratorsSeeNothing() {
        for (Role r : Role.values()) {
            int read = as(r).get("/api/v1/processes").status();
            assertThat(read).as("read as %s", r).isEqualTo(r == Role.AGENT || r == Role.INTEGRATOR ? 403 : 200);
            int deployed = deploy(r, "role check " + r, "ticket-lifecycle.bpmn", Diagrams.lifecycle()).status();
            assertThat(deployed).as("deploy as %s", r).isEqualTo(r == Role.SUPERVISOR || r == Role.ADMIN ? 201 : 403);
        }
    }

    @Test
    @Order(2)
    void aDeploymentAnswersItsVersionsAndTheListAndXmlFollow() {
        int before = latest();
        Multipart.Answer a = deploy(Role.SUPERVISOR, "add a reply check", "ticket-lifecycle.bpmn", Diagrams.lifecycleWithCheckTask());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().path("versions").get(0).path("version").asInt()).isEqualTo(before + 1);

        JsonNode item = null;
        for (JsonNode i : as(Role.SPECIALIST).get("/api/v1/processes").json().path("items")) {
            if (i.path("key").asText().equals(KEY)) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.path("latestVersion").asInt()).isEqualTo(before + 1);
        assertThat(item.path("deployedBy").asText()).isEqualTo("studio-supervisor");
        assertThat(item.path("comment").asText()).isEqualTo("add a reply check");
        assertThat(item.path("type").asText()).isEqualTo("process");
        Response xml = as(Role.SUPERVISOR).get("/api/v1/processes/" + KEY + "/xml");
        assertThat(xml.contentType()).startsWith("application/xml");
        assertThat(xml.body()).contains("check-reply");
        assertThat(as(Role.SUPERVISOR).get("/api/v1/processes/" + KEY + "/xml?version=1").body()).doesNotContain("check-reply");
        assertThat(as(Role.SUPERVISOR).get("/api/v1/processes/classify-ticket/xml").body()).contains("<decision");
    }

    @Test
    @Order(3)
    void anInvalidDiagramIsRefusedWithEveryErrorAndTheRunningVersionStays() {
        int before = latest();
        String hostile = Diagrams.lifecycleWithCheckTask()
                .replace("camunda:expression=\"${ticketProcess.autoClosed(execution)}\"", "camunda:class=\"com.example.Evil\"")
                .replace("camunda:candidateGroups=\"service-desk\"", "camunda:candidateGroups=\"nobody\"")
                .replace("${pvOutcome == \"confirmed\"}", "${''.getClass().forName('java.lang.Runtime')}");
        Multipart.Answer a = deploy(Role.SUPERVISOR, "hostile", "ticket-lifecycle.bpmn", hostile);

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        List<String> found = new ArrayList<>();
        a.json().path("errors").forEach(e -> found.add(e.path("code").asText() + "@" + e.path("elementId").asText()
                + "@" + e.path("file").asText()));
        assertThat(found).contains("class-reference@auto-close-ticket@ticket-lifecycle.bpmn",
                "unknown-queue@check-reply@ticket-lifecycle.bpmn", "expression-not-allowed@flow-pv-confirmed@ticket-lifecycle.bpmn");
        assertThat(latest()).isEqualTo(before);

        assertThat(deploy(Role.SUPERVISOR, null, "ticket-lifecycle.bpmn", Diagrams.lifecycleWithCheckTask()).status()).isEqualTo(422);
        String xxe = Diagrams.lifecycle().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        assertThat(deploy(Role.SUPERVISOR, "xxe", "ticket-lifecycle.bpmn", xxe).json().path("errors").get(0).path("code")
                .asText()).isEqualTo("xml-doctype");
        Multipart.Answer huge = new Multipart().field("comment", "huge")
                .file("file", "huge.bpmn", "application/xml", new byte[3 * 1024 * 1024])
                .post(server.base(), "/api/v1/deployments", tokens.get(Role.SUPERVISOR));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().path("errors").get(0).path("code").asText()).isEqualTo("file-too-large");
        assertThat(latest()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void theImportCheckListsWhatIsNotSupported() {
        String foreign = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" "
                + "targetNamespace=\"x\"><bpmn:process id=\"imported\" isExecutable=\"true\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" camunda:historyTimeToLive=\"P30D\">"
                + "<bpmn:startEvent id=\"s\"/><bpmn:complexGateway id=\"g\"/><bpmn:scriptTask id=\"st\"/></bpmn:process>"
                + "</bpmn:definitions>";
        Multipart.Answer a = new Multipart().file("file", "imported.bpmn", "application/xml",
                foreign.getBytes(StandardCharsets.UTF_8)).post(server.base(), "/api/v1/deployments/validate",
                tokens.get(Role.SUPERVISOR));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("valid").asBoolean()).isFalse();
        List<String> found = new ArrayList<>();
        a.json().path("errors").forEach(e -> found.add(e.path("code").asText() + "@" + e.path("elementId").asText()));
        assertThat(found).contains("unsupported-element@g", "script-task@st");
        assertThat(as(Role.SUPERVISOR).get("/api/v1/processes/imported/versions").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void versionsDiffAndRollback() {
        int v = latest();
        JsonNode diff = as(Role.SUPERVISOR).get("/api/v1/processes/" + KEY + "/diff?from=1&to=" + v).json();
        List<String> added = new ArrayList<>();
        diff.path("added").forEach(n -> added.add(n.path("id").asText() + ":" + n.path("type").asText()));
        assertThat(added).contains("check-reply:userTask", "flow-checked:sequenceFlow");

        Response r = as(Role.SUPERVISOR).post("/api/v1/processes/" + KEY + "/rollback",
                Map.of("version", 1, "comment", "back to the bundled flow"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("versions").get(0).path("rollbackOf").asInt()).isEqualTo(1);
        assertThat(latest()).isEqualTo(v + 1);
        assertThat(as(Role.SUPERVISOR).post("/api/v1/processes/" + KEY + "/rollback", Map.of("version", 1)).status())
                .isEqualTo(422);
        assertThat(as(Role.SPECIALIST).post("/api/v1/processes/" + KEY + "/rollback",
                Map.of("version", 1, "comment", "x")).status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void aNewTicketFollowsTheNewVersionAnOldOneStaysAndAMigrationMovesIt() {
        CareLoop c = server.careLoop();
        server.agentOfEveryQueue("studio-queue-agent");
        String old = server.session("studio-queue-agent").post("/api/v1/tickets", Map.of("subject", "old flow", "channel", "web"))
                .json().path("number").asText();
        int from = latest();
        assertThat(deploy(Role.ADMIN, "reply check again", "ticket-lifecycle.bpmn", Diagrams.lifecycleWithCheckTask()).status()).isEqualTo(201);
        int to = latest();
        String fresh = server.session("studio-queue-agent").post("/api/v1/tickets", Map.of("subject", "new flow", "channel", "web"))
                .json().path("number").asText();
        assertThat(versionOf(c, fresh)).isEqualTo(to);
        assertThat(versionOf(c, old)).isEqualTo(from);

        Response preview = as(Role.SUPERVISOR).post("/api/v1/processes/" + KEY + "/migrations/preview",
                Map.of("fromVersion", from, "toVersion", to));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("instances").asLong()).isEqualTo(1);
        assertThat(preview.json().path("canMigrate").asLong()).isEqualTo(1);
        assertThat(versionOf(c, old)).isEqualTo(from);

        Response started = as(Role.SUPERVISOR).post("/api/v1/processes/" + KEY + "/migrations",
                Map.of("fromVersion", from, "toVersion", to, "comment", "everyone on the reply check"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String batchId = started.json().path("batchId").asText();
        Batches.runToEnd(c.processEngine(), batchId);
        JsonNode status = as(Role.SPECIALIST).get("/api/v1/processes/" + KEY + "/migrations/" + batchId).json();
        assertThat(status.path("state").asText()).isEqualTo("completed");
        assertThat(status.path("stillOnFromVersion").asLong()).isZero();
        assertThat(versionOf(c, old)).isEqualTo(to);

        JsonNode monitor = as(Role.SUPERVISOR).get("/api/v1/processes/" + KEY + "/monitor?version=" + to).json();
        JsonNode handle = null;
        for (JsonNode a : monitor.path("activities")) {
            if (a.path("activityId").asText().equals("handle")) {
                handle = a;
            }
        }
        assertThat(handle).isNotNull();
        assertThat(handle.path("active").asLong()).isEqualTo(2);
        assertThat(handle.path("onTrack").asLong()).isEqualTo(2);
    }

    @Test
    @Order(7)
    void aFailedJobShowsAsAnIncidentAndCanBeRetried() {
        CareLoop c = server.careLoop();
        String instance = c.processEngine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .active().list().get(0).getId();
        Job timer = c.processEngine().getManagementService().createJobQuery().processInstanceId(instance).list().get(0);
        c.processEngine().getManagementService().setJobRetries(timer.getId(), 0);

        JsonNode incidents = as(Role.SPECIALIST).get("/api/v1/incidents").json().path("items");
        assertThat(incidents).isNotEmpty();
        String id = incidents.get(0).path("id").asText();
        assertThat(incidents.get(0).path("processKey").asText()).isEqualTo(KEY);
        assertThat(incidents.get(0).path("retryable").asBoolean()).isTrue();
        assertThat(as(Role.SPECIALIST).post("/api/v1/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(403);
        assertThat(as(Role.SUPERVISOR).post("/api/v1/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(202);
        assertThat(c.processEngine().getManagementService().createJobQuery().jobId(timer.getId()).singleResult().getRetries())
                .isEqualTo(1);
        assertThat(as(Role.SUPERVISOR).get("/api/v1/incidents").json().path("items")).isEmpty();
        assertThat(as(Role.SUPERVISOR).post("/api/v1/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(404);
    }

    private static int versionOf(CareLoop c, String ticketNumber) {
        String pi = c.tickets().find(ticketNumber).processInstanceId();
        String def = c.processEngine().getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult()
                .getProcessDefinitionId();
        return c.processEngine().getRepositoryService().getProcessDefinition(def).getVersion();
    }
}
