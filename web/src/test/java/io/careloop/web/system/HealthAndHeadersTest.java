package io.careloop.web.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /health for load balancers, and the security headers on every answer, errors included. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthAndHeadersTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.user("agent", Role.AGENT);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthIsUpWithoutCredentials() {
        Response r = server.client().get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
        assertThat(r.json().path("database").asText()).isEqualTo("UP");
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        ApiClient anonymous = server.client();
        ApiClient agent = server.session("agent");
        List<Response> answers = List.of(
                anonymous.get("/health"),
                anonymous.get("/api/openapi.json"),
                anonymous.get("/api/v1/tickets"),
                anonymous.get("/no/such/page"),
                agent.get("/api/v1/tickets"),
                agent.post("/api/v1/tickets", "{not json"),
                agent.post("/api/v1/tickets", Map.of("subject", "Header check", "channel", "web")));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.header("X-Content-Type-Options")).as("nosniff on %s", r).isEqualTo("nosniff");
            assertThat(r.header("Content-Security-Policy")).as("CSP on %s", r)
                    .contains("frame-ancestors 'none'").contains("default-src 'self'").contains("script-src 'self';")
                    // scripts only from CareLoop's own files: no inline script, no eval (issue 7)
                    .doesNotContain("unsafe-eval").doesNotContain("script-src *").doesNotContainPattern("(script-src|style-src|style-src-elem) [^;]*unsafe-inline");
            assertThat(r.header("X-Frame-Options")).as("frame options on %s", r).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as("referrer policy on %s", r).isEqualTo("no-referrer");
        });
    }

    @Test
    void apiAnswersAreNotCached() {
        assertThat(server.session("agent").get("/api/v1/auth/me").header("Cache-Control")).isEqualTo("no-store");
        assertThat(server.client().get("/api/v1/auth/me").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theServerDoesNotAnnounceItsSoftware() {
        assertThat(server.client().get("/health").header("Server")).isNull();
    }
}
