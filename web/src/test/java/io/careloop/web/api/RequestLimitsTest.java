package io.careloop.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile JSON: bodies nested deeper than any request of ours needs are refused with a 400 before
 * they cost stack; script in a text field is stored and answered as text, never interpreted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsTest {

    private TestServer server;
    private ApiClient agent;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.agentOfEveryQueue("agent");
        agent = server.session("agent");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBodyNestedDeeperThanTheLimitIsABadRequest() {
        String deep = "{\"subject\":\"deep\",\"channel\":\"web\",\"customer\":" + "[".repeat(Requests.MAX_DEPTH + 5)
                + "]".repeat(Requests.MAX_DEPTH + 5) + "}";

        Problems.assertProblem(agent.post("/api/v1/tickets", deep), 400);
    }

    @Test
    void aFreeFormBodyIsReadNoDeeperThanTheLimit() {
        // routes that take free-form JSON (plugin settings, say) read it as a tree: the limit stops the recursion
        Requests requests = new Requests(server.careLoop().json());
        String deep = "{\"a\":".repeat(Requests.MAX_DEPTH + 1) + "1" + "}".repeat(Requests.MAX_DEPTH + 1);
        String fine = "{\"a\":".repeat(Requests.MAX_DEPTH - 1) + "1" + "}".repeat(Requests.MAX_DEPTH - 1);

        assertThatThrownBy(() -> requests.parse(deep, Map.class))
                .isInstanceOf(ErrorMapper.BadJson.class).hasMessageContaining("nesting depth");
        assertThat(requests.parse(fine, Map.class)).containsKey("a");
        // the engine's own mapper (audit snapshots, process variables) is not limited by it
        assertThat(server.careLoop().json().getFactory().streamReadConstraints().getMaxNestingDepth())
                .isGreaterThan(Requests.MAX_DEPTH);
    }

    @Test
    void aBodyWithinTheDepthLimitIsReadAsUsual() {
        Response r = agent.post("/api/v1/tickets", Map.of("subject", "shallow", "channel", "web",
                "customer", Map.of("type", "patient", "name", "李四")));

        assertThat(r.status()).as("%s", r).isEqualTo(201);
    }

    @Test
    void scriptInATextFieldComesBackAsTheSameInertJsonText() {
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Response created = agent.post("/api/v1/tickets", Map.of("subject", script, "description", script, "channel", "web"));
        String number = created.json().path("number").asText();

        Response read = agent.get("/api/v1/tickets/" + number);

        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.json().path("subject").asText()).isEqualTo(script);
        assertThat(read.json().path("description").asText()).isEqualTo(script);
    }
}
