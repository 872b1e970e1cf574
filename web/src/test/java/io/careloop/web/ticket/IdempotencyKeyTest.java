package io.careloop.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A client that retries POST /api/v1/tickets with the same Idempotency-Key opens one ticket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyKeyTest {

    private TestServer server;
    private ApiClient agent;
    private ApiClient integration;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.agentOfEveryQueue("agent");
        agent = server.session("agent");
        integration = server.client().withToken(server.tokenFor("crm-bridge", Role.INTEGRATOR));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSameKeyTwiceOpensOneTicketAndReplaysTheFirstAnswer() {
        Map<String, Object> body = draft("Order PO-77 delivered twice");
        Map<String, String> key = Map.of("Idempotency-Key", "crm-4711");

        Response first = integration.post("/api/v1/tickets", body, key);
        Response again = integration.post("/api/v1/tickets", body, key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("number").asText()).isEqualTo(first.json().path("number").asText());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ticketsWithSubject("Order PO-77 delivered twice")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyStillOpenOneTicket() throws Exception {
        Map<String, Object> body = draft("Concurrent retry of order PO-88");
        Map<String, String> key = Map.of("Idempotency-Key", "crm-race-1");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> integration.post("/api/v1/tickets", body, key)));
            }
            List<Response> done = new ArrayList<>();
            for (Future<Response> f : answers) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }

            assertThat(done).extracting(Response::status).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(done).extracting(r -> r.json().path("number").asText()).containsOnly(done.get(0).json().path("number").asText());
            assertThat(ticketsWithSubject("Concurrent retry of order PO-88")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyIsScopedToItsCallerSoTwoClientsDoNotCollide() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key-1");

        Response fromIntegration = integration.post("/api/v1/tickets", draft("Invoice INV-1 missing"), key);
        Response fromAgent = agent.post("/api/v1/tickets", draft("Invoice INV-2 missing"), key);

        assertThat(fromIntegration.status()).isEqualTo(201);
        assertThat(fromAgent.status()).isEqualTo(201);
        assertThat(fromAgent.json().path("number").asText()).isNotEqualTo(fromIntegration.json().path("number").asText());
    }

    @Test
    void withoutAKeyEveryPostOpensATicket() {
        Map<String, Object> body = draft("Shipping label wrong");

        assertThat(integration.post("/api/v1/tickets", body).status()).isEqualTo(201);
        assertThat(integration.post("/api/v1/tickets", body).status()).isEqualTo(201);

        assertThat(ticketsWithSubject("Shipping label wrong")).isEqualTo(2);
    }

    @Test
    void aBlankOrOverlongKeyIsRefused() {
        Problems.assertInvalid(integration.post("/api/v1/tickets", draft("Blank key"), Map.of("Idempotency-Key", " ")),
                "Idempotency-Key");
        Problems.assertInvalid(integration.post("/api/v1/tickets", draft("Long key"),
                Map.of("Idempotency-Key", "k".repeat(201))), "Idempotency-Key");
    }

    private static Map<String, Object> draft(String subject) {
        return Map.of("subject", subject, "description", "from the CRM bridge", "channel", "api");
    }

    private int ticketsWithSubject(String subject) {
        Response page = agent.get(ApiClient.query("/api/v1/tickets", "q", subject, "limit", "200"));
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().path("items").size();
    }
}
