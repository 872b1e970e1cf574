package io.careloop.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.WebServer;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every error is an RFC 9457 problem+json with a detail, and invalid input names its field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemResponsesTest {

    private TestServer server;
    private ApiClient agent;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.agentOfEveryQueue("agent");
        server.user("supervisor", Role.SUPERVISOR);
        agent = server.session("agent");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void malformedJsonIsA400InvalidJson() {
        JsonNode p = Problems.assertProblem(agent.post("/api/v1/tickets", "{\"subject\": \"x\", "), 400);

        assertThat(p.path("type").asText()).isEqualTo(Problems.TYPE_BASE + "invalid-json");
        assertThat(p.path("instance").asText()).isEqualTo("/api/v1/tickets");
    }

    @Test
    void aFieldOfTheWrongTypeIsA400NamingTheField() {
        Map<String, Object> body = ticket();
        body.put("customerId", "not-a-number");

        JsonNode p = Problems.assertInvalid(agent.post("/api/v1/tickets", body), "customerId");

        assertThat(p.path("type").asText()).isEqualTo(Problems.TYPE_BASE + "invalid-json");
    }

    @Test
    void anEmptyBodyIsA400() {
        Problems.assertInvalid(agent.send("POST", "/api/v1/tickets", "", Map.of("Content-Type", "application/json")), "body");
    }

    @Test
    void anUnknownChannelIsA400NamingChannel() {
        Map<String, Object> body = ticket();
        body.put("channel", "fax");

        JsonNode p = Problems.assertInvalid(agent.post("/api/v1/tickets", body), "channel");

        assertThat(p.path("detail").asText()).contains("fax").contains("email");
    }

    @Test
    void aMissingChannelIsA400NamingChannel() {
        Map<String, Object> body = ticket();
        body.remove("channel");

        Problems.assertInvalid(agent.post("/api/v1/tickets", body), "channel");
    }

    @Test
    void anUnknownCategoryIsA400NamingCategory() {
        Map<String, Object> body = ticket();
        body.put("category", "foo");

        Problems.assertInvalid(agent.post("/api/v1/tickets", body), "category");
    }

    @Test
    void codesAreAcceptedInAnyCase() {
        Map<String, Object> body = ticket();
        body.put("channel", "EMAIL");
        body.put("category", "Product-Quality");
        body.put("severity", "HIGH");

        Response r = agent.post("/api/v1/tickets", body);

        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().path("channel").asText()).isEqualTo("email");
        assertThat(r.json().path("category").asText()).isEqualTo("product-quality");
        assertThat(r.json().path("severity").asText()).isEqualTo("high");
        assertThat(r.json().path("priority").asText()).isEqualTo("urgent");
    }

    @Test
    void aMissingSubjectIsA400NamingSubject() {
        Map<String, Object> body = ticket();
        body.remove("subject");

        Problems.assertInvalid(agent.post("/api/v1/tickets", body), "subject");
    }

    @Test
    void aBodyOverOneMegabyteIsA413() {
        Map<String, Object> body = ticket();
        body.put("description", "x".repeat((int) WebServer.MAX_REQUEST_BYTES + 1));

        JsonNode p = Problems.assertProblem(agent.post("/api/v1/tickets", body), 413);

        assertThat(p.path("type").asText()).isEqualTo(Problems.TYPE_BASE + "too-large");
    }

    @Test
    void aStreamedBodyOverOneMegabyteIsRefusedAndNothingIsCreated() throws Exception {
        Map<String, Object> body = ticket();
        body.put("subject", "Streamed and far too long");
        body.put("description", "x".repeat(3 * (int) WebServer.MAX_REQUEST_BYTES));
        byte[] bytes = server.careLoop().json().writeValueAsBytes(body);

        // a chunked body has no length to refuse up front: the server stops reading after the limit,
        // answers 413 and closes; a client still writing may see its pipe broken before it reads the
        // answer (HTTP/1.1 has no way around that race), so both are a refusal here
        try {
            Problems.assertProblem(agent.send("POST", "/api/v1/tickets", bytes, Map.of()), 413);
        } catch (UncheckedIOException e) {
            assertThat(rootMessage(e)).as("how the server cut the upload").containsAnyOf("Broken pipe", "reset",
                    "header parser received no bytes");
        }

        assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM ticket WHERE subject = ?",
                "Streamed and far too long")).isZero();
    }

    @Test
    void aRefusedRequestWithABodyGetsItsAnswerNotACutConnection() {
        // the server refuses these before reading the body (403: agents create no users; 401: no user);
        // it reads and discards a body up to the request limit first, so the client always gets the answer
        // (a String goes with its Content-Length, a byte[] chunked)
        String sized = "{\"username\": \"" + "x".repeat(900_000) + "\"}";
        byte[] chunked = sized.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ApiClient anonymous = server.client().anonymous();
        for (int i = 0; i < 5; i++) {
            Problems.assertProblem(agent.send("POST", "/api/v1/users", sized, Map.of()), 403);
            Problems.assertProblem(agent.send("POST", "/api/v1/users", chunked, Map.of()), 403);
            Problems.assertProblem(anonymous.send("POST", "/api/v1/users", sized, Map.of()), 401);
            Problems.assertProblem(anonymous.send("POST", "/api/v1/users", chunked, Map.of()), 401);
        }
        assertThat(agent.get("/api/v1/tickets?limit=1").status()).as("the session still works").isEqualTo(200);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    @Test
    void aStaleVersionInTheBodyIsA409() {
        JsonNode t = agent.post("/api/v1/tickets", ticket()).json();
        String number = t.path("number").asText();
        int version = t.path("version").asInt();
        assertThat(agent.post("/api/v1/tickets/" + number + "/notes", Map.of("body", "checking")).status()).isEqualTo(201);

        JsonNode p = Problems.assertProblem(agent.post("/api/v1/tickets/" + number + "/claim", Map.of("version", version)), 409);

        assertThat(p.path("type").asText()).isEqualTo(Problems.TYPE_BASE + "conflict");
        assertThat(agent.get("/api/v1/tickets/" + number).json().path("assignee").isNull()).isTrue();
    }

    @Test
    void aStaleIfMatchIsA409AndTheCurrentOneSucceeds() {
        JsonNode t = agent.post("/api/v1/tickets", ticket()).json();
        String number = t.path("number").asText();
        int version = t.path("version").asInt();
        agent.post("/api/v1/tickets/" + number + "/notes", Map.of("body", "checking"));

        Problems.assertProblem(agent.send("POST", "/api/v1/tickets/" + number + "/claim", null,
                Map.of("If-Match", "\"" + version + "\"")), 409);

        Response current = agent.get("/api/v1/tickets/" + number);
        Response claimed = agent.send("POST", "/api/v1/tickets/" + number + "/claim", null,
                Map.of("If-Match", current.header("ETag")));
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(200);
    }

    @Test
    void aMalformedIfMatchIsA400() {
        String number = agent.post("/api/v1/tickets", ticket()).json().path("number").asText();

        Problems.assertInvalid(agent.send("POST", "/api/v1/tickets/" + number + "/claim", null,
                Map.of("If-Match", "\"abc\"")), "If-Match");
    }

    @Test
    void anUnknownTicketIsA404() {
        JsonNode p = Problems.assertProblem(agent.get("/api/v1/tickets/CL-2000-999999"), 404);

        assertThat(p.path("type").asText()).isEqualTo(Problems.TYPE_BASE + "not-found");
        Problems.assertProblem(agent.post("/api/v1/tickets/CL-2000-999999/claim", null), 404);
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        Problems.assertProblem(agent.get("/api/v1/no-such-thing"), 404);
        Problems.assertProblem(server.client().get("/api/v1/no-such-thing"), 404);
        Problems.assertProblem(server.client().get("/nothing-here"), 404);
    }

    @Test
    void aKnownPathWithAnotherMethodIsAProblemToo() {
        Response r = agent.send("PUT", "/api/v1/tickets", "{}", Map.of());

        assertThat(r.status()).isIn(404, 405);
        Problems.assertProblem(r, r.status());
    }

    @Test
    void invalidQueryParametersAre400sNamingTheParameter() {
        Problems.assertInvalid(agent.get("/api/v1/tickets?limit=abc"), "limit");
        Problems.assertInvalid(agent.get("/api/v1/tickets?limit=0"), "limit");
        Problems.assertInvalid(agent.get("/api/v1/tickets?limit=201"), "limit");
        Problems.assertInvalid(agent.get("/api/v1/tickets?limit=99999999999"), "limit");
        Problems.assertInvalid(agent.get("/api/v1/customers?limit=99999999999"), "limit");
        Problems.assertInvalid(agent.get("/api/v1/customers/abc"), "id");
        Problems.assertInvalid(agent.get("/api/v1/tickets?status=lost"), "status");
        Problems.assertInvalid(agent.get("/api/v1/tickets?sort=random"), "sort");
        Problems.assertInvalid(agent.get("/api/v1/tickets?customer=x"), "customer");
    }

    @Test
    void aVersionBeyondTheIntegerRangeIsA400NotAWrappedMatch() {
        Response created = agent.post("/api/v1/customers", Map.of("type", "pharmacy", "tier", "C", "name", "康乐大药房"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("id").asText();
        long wrapsToCurrent = (1L << 32) + created.json().path("version").asLong();

        Problems.assertInvalid(server.session("supervisor").delete("/api/v1/customers/" + id + "?version=" + wrapsToCurrent),
                "version");

        assertThat(agent.get("/api/v1/customers/" + id).status()).isEqualTo(200);
    }

    @Test
    void anUnknownCustomerOnATicketIsA400NamingCustomerId() {
        Map<String, Object> body = ticket();
        body.put("customerId", 987654);

        Problems.assertInvalid(agent.post("/api/v1/tickets", body), "customerId");
    }

    private static Map<String, Object> ticket() {
        Map<String, Object> m = new HashMap<>();
        m.put("subject", "Question about an order");
        m.put("description", "Where is order PO-12?");
        m.put("channel", "email");
        return m;
    }
}
