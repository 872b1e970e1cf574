package io.careloop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The data scope of docs/security.md: an agent sees the queues of their teams, a specialist also
 * every regulated case, a supervisor everything; in queue pages and on every single-ticket route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketDataScopeTest {

    private TestServer server;
    private String deskTicket;
    private String adverseEvent;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.team("pv", "pharmacovigilance");
        server.user("desk.agent", Role.AGENT, "desk");
        server.user("pv.agent", Role.AGENT, "pv");
        server.user("spec", Role.SPECIALIST);
        server.user("boss", Role.SUPERVISOR);
        ApiClient boss = server.session("boss");
        deskTicket = create(boss, "Invoice copy", "service-process", "low", "service-desk");
        adverseEvent = create(boss, "Rash after the third dose", "adverse-event", "medium", "pharmacovigilance");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAgentSeesTheTicketsOfTheirTeamsQueuesOnly() {
        ApiClient desk = server.session("desk.agent");

        assertThat(desk.get("/api/v1/tickets/" + deskTicket).status()).isEqualTo(200);
        Problems.assertProblem(desk.get("/api/v1/tickets/" + adverseEvent), 403);
        assertThat(numbers(desk.get("/api/v1/tickets"))).contains(deskTicket).doesNotContain(adverseEvent);
        assertThat(numbers(desk.get("/api/v1/tickets?queue=pharmacovigilance"))).isEmpty();
        assertThat(numbers(server.session("pv.agent").get("/api/v1/tickets"))).contains(adverseEvent).doesNotContain(deskTicket);
    }

    @Test
    void anAgentCannotActOnATicketOutsideTheirScope() {
        ApiClient desk = server.session("desk.agent");

        Problems.assertProblem(desk.post("/api/v1/tickets/" + adverseEvent + "/notes", Map.of("body", "peek")), 403);
        Problems.assertProblem(desk.post("/api/v1/tickets/" + adverseEvent + "/claim", null), 403);
        assertThat(server.session("boss").get("/api/v1/tickets/" + adverseEvent).json().path("assignee").isNull()).isTrue();
    }

    @Test
    void aTicketThatDoesNotExistIsNotFoundRatherThanForbidden() {
        Problems.assertProblem(server.session("desk.agent").get("/api/v1/tickets/CL-2026-999999"), 404);
    }

    @Test
    void aSpecialistSeesEveryRegulatedCaseButNotOtherQueues() {
        ApiClient spec = server.session("spec");

        assertThat(spec.get("/api/v1/tickets/" + adverseEvent).status()).isEqualTo(200);
        Problems.assertProblem(spec.get("/api/v1/tickets/" + deskTicket), 403);
        assertThat(numbers(spec.get("/api/v1/tickets"))).contains(adverseEvent).doesNotContain(deskTicket);
    }

    @Test
    void aSupervisorSeesEveryQueue() {
        assertThat(numbers(server.session("boss").get("/api/v1/tickets"))).contains(adverseEvent, deskTicket);
    }

    @Test
    void aTicketClaimedByAnAgentStaysVisibleToThem() {
        ApiClient boss = server.session("boss");
        String mine = create(boss, "Wrong pack size delivered", "service-process", "low", "service-desk");
        ApiClient desk = server.session("desk.agent");
        assertThat(desk.post("/api/v1/tickets/" + mine + "/claim", null).status()).isEqualTo(200);

        Response moved = boss.patch("/api/v1/tickets/" + mine, Map.of("category", "medical-inquiry", "reason", "asks about dosing"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("queue").asText()).isNotEqualTo("service-desk");

        assertThat(desk.get("/api/v1/tickets/" + mine).status()).isEqualTo(200);
        assertThat(numbers(desk.get("/api/v1/tickets?assignee=me"))).contains(mine);
    }

    private static String create(ApiClient client, String subject, String category, String severity, String queue) {
        Response r = client.post("/api/v1/tickets", Map.of("subject", subject, "description", subject,
                "channel", "phone", "category", category, "severity", severity));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().path("queue").asText()).as("queue of %s", r).isEqualTo(queue);
        return r.json().path("number").asText();
    }

    private static List<String> numbers(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode items = r.json().path("items");
        return StreamSupport.stream(items.spliterator(), false).map(n -> n.path("number").asText()).toList();
    }
}
