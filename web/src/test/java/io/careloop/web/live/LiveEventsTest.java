package io.careloop.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.EventStream;
import io.careloop.web.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The event stream tells a user only of tickets they may read, and never their text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsTest {

    private TestServer server;
    private ApiClient ann;
    private ApiClient sue;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.user("ann", Role.AGENT, "desk");
        server.user("sue", Role.SUPERVISOR);
        ann = server.session("ann");
        sue = server.session("sue");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String open(String subject, String category) {
        return sue.post("/api/v1/tickets", Map.of("subject", subject, "description", "secret details of " + subject,
                "channel", "phone", "category", category)).json().path("number").asText();
    }

    private EventStream stream() {
        return EventStream.open(server.base(), ann.sessionId());
    }

    @Test
    void anAgentHearsOfTicketsInTheirQueuesOnlyWithoutTheirText() throws Exception {
        String outside = open("Rash after the dose", "adverse-event");
        String inside = open("Invoice copy", "service-process");
        try (EventStream lines = stream()) {
            assertThat(lines.until("event: ready")).first().isEqualTo("status 200");

            sue.post("/api/v1/tickets/" + outside + "/notes", Map.of("body", "checked the batch"));
            sue.post("/api/v1/tickets/" + inside + "/notes", Map.of("body", "sent the copy"));
            List<String> seen = lines.until(inside);

            assertThat(String.join("\n", seen)).contains("ticket.noted").doesNotContain(outside)
                    .doesNotContain("sent the copy").doesNotContain("secret details");
        }
    }

    @Test
    void presenceListsWhoViewsATicketAndFollowsTheDataScope() throws Exception {
        String inside = open("Courier question", "service-process");
        String outside = open("Suspected reaction", "adverse-event");
        try (EventStream lines = stream()) {
            lines.until("event: ready");
            sue.post("/api/v1/tickets/" + inside + "/presence", null);
            assertThat(lines.until("\"viewers\"")).last().asString().contains(inside).contains("sue");

            var mine = ann.post("/api/v1/tickets/" + inside + "/presence", null);
            assertThat(mine.json().path("viewers").toString()).isEqualTo("[\"ann\",\"sue\"]");
            assertThat(ann.post("/api/v1/tickets/" + outside + "/presence", null).status()).isEqualTo(403);
        }
    }

    @Test
    void withoutAcceptingAnEventStreamTheRouteSaysSo() {
        var r = ann.get("/api/v1/events");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.json().path("detail").asText()).contains("text/event-stream");
    }
}
