package io.careloop.web.quality;

import static io.careloop.web.testing.Problems.assertInvalid;
import static io.careloop.web.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The quality complaint seen from the ticket: a product-quality ticket cannot be closed while quality
 * still investigates (409 saying why, the process still waiting), GET on the ticket shows the
 * complaint's state to quality, and the CAPA register lists and shows CAPAs to quality only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityTicketApiTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("qt", "quality");
        server.user("wu.agent", Role.AGENT, "qt");
        server.user("he.quality", Role.SPECIALIST, "qt");
        server.user("zhang.supervisor", Role.SUPERVISOR, "qt");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aComplaintTicketCannotCloseUntilQualityHasInvestigated() {
        ApiClient agent = server.session("wu.agent");
        ApiClient quality = server.session("he.quality");
        String n = complaint(agent, "Cap does not seal");
        recordDetails(agent, n, "Amlodipine 5 mg", "AM-77");
        assertThat(agent.post("/api/v1/tickets/" + n + "/resolve", Map.of("resolution", "Replacement pack sent.",
                "reason", "replacement sent")).status()).isEqualTo(200);

        Response refused = agent.post("/api/v1/tickets/" + n + "/close", Map.of("reason", "customer satisfied"));

        JsonNode problem = assertProblem(refused, 409);
        assertThat(problem.path("detail").asText()).contains("quality complaint still running", "investigate");
        JsonNode ticket = quality.get("/api/v1/tickets/" + n).json();
        assertThat(ticket.path("status").asText()).isEqualTo("resolved");
        assertThat(ticket.path("process").path("activities").toString()).contains("\"resolved\"");
        assertThat(ticket.path("quality").path("openSteps").toString()).isEqualTo("[\"investigate\"]");

        Response investigated = quality.post("/api/v1/tickets/" + n + "/quality/investigate", Map.of(
                "findings", "liner missing", "rootCause", "capping machine 2", "confirmed", true, "reason", "QC-31"));
        assertThat(investigated.status()).as("%s", investigated).isEqualTo(200);

        Response closed = agent.post("/api/v1/tickets/" + n + "/close", Map.of("reason", "customer satisfied"));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("closed");
    }

    @Test
    void theTicketShowsItsQualityStateToQualityOnly() {
        ApiClient agent = server.session("wu.agent");
        String n = complaint(agent, "Tablets crumble");
        recordDetails(agent, n, "Metformin 500 mg", "MF-12");

        JsonNode forQuality = server.session("he.quality").get("/api/v1/tickets/" + n).json();
        JsonNode q = forQuality.path("quality");
        assertThat(q.path("lot").asText()).isEqualTo("MF-12");
        assertThat(q.path("sampleRequested").asBoolean()).isTrue();
        assertThat(q.path("sampleStatus").asText()).isEqualTo("requested");
        assertThat(q.path("investigation").asText()).isEqualTo("pending");
        assertThat(q.path("openSteps").toString()).isEqualTo("[\"sample-return\"]");
        assertThat(q.path("capa").isNull()).isTrue();

        assertThat(agent.get("/api/v1/tickets/" + n).json().has("quality")).as("an agent lacks the quality permission").isFalse();
        String other = agent.post("/api/v1/tickets", Map.of("subject", "Order late", "channel", "web",
                "category", "service-process", "severity", "low")).json().path("number").asText();
        JsonNode notQuality = server.session("zhang.supervisor").get("/api/v1/tickets/" + other).json();
        assertThat(notQuality.path("number").asText()).isEqualTo(other);
        assertThat(notQuality.has("quality")).isTrue();
        assertThat(notQuality.path("quality").isNull()).as("a service ticket has no quality complaint").isTrue();
    }

    @Test
    void theCapaRegisterListsAndShowsCapasToQuality() {
        ApiClient agent = server.session("wu.agent");
        ApiClient quality = server.session("he.quality");
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String product = "Insulin aspart " + batch;
        List<String> numbers = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < 2; i++) { // the policy's N is 2 for insulin
            String n = complaint(agent, "Pen leaks " + i);
            numbers.add(n);
            last = recordDetails(agent, n, product, "IA-3");
        }
        String capa = last.path("capa").path("number").asText();
        assertThat(capa).startsWith("CAPA-");

        JsonNode list = quality.get("/api/v1/capas?status=open&product=" + batch.toUpperCase()).json();
        assertThat(list.path("items")).hasSize(1);
        assertThat(list.path("items").get(0).path("number").asText()).isEqualTo(capa);
        assertThat(quality.get("/api/v1/capas?status=closed&product=" + batch).json().path("items")).isEmpty();

        JsonNode one = quality.get("/api/v1/capas/" + capa).json();
        assertThat(one.path("status").asText()).isEqualTo("open");
        assertThat(one.path("lot").asText()).isEqualTo("IA-3");
        List<String> linked = new ArrayList<>();
        one.path("tickets").forEach(t -> linked.add(t.asText()));
        assertThat(linked).containsExactlyInAnyOrderElementsOf(numbers);
        // the ticket links to it
        assertThat(quality.get("/api/v1/tickets/" + numbers.get(0)).json().path("quality").path("capa").path("number")
                .asText()).isEqualTo(capa);

        assertProblem(agent.get("/api/v1/capas"), 403);
        assertProblem(agent.get("/api/v1/capas/" + capa), 403);
        assertProblem(quality.get("/api/v1/capas/CAPA-999999"), 404);
        assertInvalid(quality.get("/api/v1/capas?status=pending"), "status");
        assertInvalid(quality.get("/api/v1/capas?limit=0"), "limit");
    }

    private static String complaint(ApiClient agent, String subject) {
        Response created = agent.post("/api/v1/tickets", Map.of("subject", subject, "description", "product complaint",
                "channel", "phone", "category", "product-quality", "severity", "medium"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().path("number").asText();
    }

    private static JsonNode recordDetails(ApiClient agent, String n, String product, String lot) {
        boolean sample = product.startsWith("Metformin");
        Response r = agent.send("PUT", "/api/v1/tickets/" + n + "/quality", Map.of("product", product, "lot", lot,
                "sampleRequested", sample, "reason", "customer's call"), Map.of());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }
}
