package io.careloop.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    /** Ann's event stream, line by line. */
    private BlockingQueue<String> stream(CompletableFuture<?>[] handle) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest req = HttpRequest.newBuilder(server.base().resolve("/api/v1/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", ApiClient.SESSION_COOKIE + "=" + ann.sessionId()).build();
        handle[0] = HttpClient.newHttpClient().sendAsync(req, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    lines.add("status " + r.statusCode());
                    try (Stream<String> body = r.body()) {
                        body.forEach(lines::add);
                    }
                });
        return lines;
    }

    private static List<String> until(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(wanted)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no line with " + wanted + " in " + seen);
    }

    @Test
    void anAgentHearsOfTicketsInTheirQueuesOnlyWithoutTheirText() throws Exception {
        String outside = open("Rash after the dose", "adverse-event");
        String inside = open("Invoice copy", "service-process");
        CompletableFuture<?>[] handle = new CompletableFuture<?>[1];
        BlockingQueue<String> lines = stream(handle);
        try {
            assertThat(until(lines, "event: ready")).first().isEqualTo("status 200");

            sue.post("/api/v1/tickets/" + outside + "/notes", Map.of("body", "checked the batch"));
            sue.post("/api/v1/tickets/" + inside + "/notes", Map.of("body", "sent the copy"));
            List<String> seen = until(lines, inside);

            assertThat(String.join("\n", seen)).contains("ticket.noted").doesNotContain(outside)
                    .doesNotContain("sent the copy").doesNotContain("secret details");
        } finally {
            handle[0].cancel(true);
        }
    }

    @Test
    void presenceListsWhoViewsATicketAndFollowsTheDataScope() throws Exception {
        String inside = open("Courier question", "service-process");
        String outside = open("Suspected reaction", "adverse-event");
        CompletableFuture<?>[] handle = new CompletableFuture<?>[1];
        BlockingQueue<String> lines = stream(handle);
        try {
            until(lines, "event: ready");
            sue.post("/api/v1/tickets/" + inside + "/presence", null);
            assertThat(until(lines, "\"viewers\"")).last().asString().contains(inside).contains("sue");

            var mine = ann.post("/api/v1/tickets/" + inside + "/presence", null);
            assertThat(mine.json().path("viewers").toString()).isEqualTo("[\"ann\",\"sue\"]");
            assertThat(ann.post("/api/v1/tickets/" + outside + "/presence", null).status()).isEqualTo(403);
        } finally {
            handle[0].cancel(true);
        }
    }

    @Test
    void withoutAcceptingAnEventStreamTheRouteSaysSo() {
        var r = ann.get("/api/v1/events");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.json().path("detail").asText()).contains("text/event-stream");
    }
}
