package io.careloop.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Queue pages over HTTP: limit and nextCursor walk every ticket once, in order; q finds Chinese text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketPagingTest {

    private TestServer server;
    private ApiClient agent;
    private final List<String> all = new ArrayList<>();
    private final List<String> rash = new ArrayList<>();

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.agentOfEveryQueue("agent");
        agent = server.session("agent");
        // tickets received at the same moment with the same classification share a due time: the id breaks the tie
        String sameMoment = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < 4; i++) {
            all.add(open("Invoice copy " + i, "Please send invoice INV-" + i, null, sameMoment));
        }
        for (int i = 0; i < 3; i++) {
            String n = open("服用后出现皮疹 " + i, "患者第" + i + "天出现皮疹", null, null);
            all.add(n);
            rash.add(n);
        }
        all.add(open("Storage question", "Can it be stored at 30°C? 储存条件咨询", "medical-inquiry", null));
        all.add(open("Wrong dose given", "double dose given to a child", null, null));
        all.add(open("Damaged packaging", "broken blister", null, sameMoment));
        rash.add(open("Skin reaction", "病人说有皮疹和瘙痒", "adverse-event", null));
        all.add(rash.get(rash.size() - 1));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void walkingTheDueOrderWithACursorVisitsEveryTicketOnceSoonestFirst() {
        List<JsonNode> seen = walk("due", 3);

        assertThat(seen).extracting(t -> t.path("number").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all);
        for (int i = 1; i < seen.size(); i++) {
            Instant before = Instant.parse(seen.get(i - 1).path("resolutionDue").asText());
            Instant after = Instant.parse(seen.get(i).path("resolutionDue").asText());
            assertThat(before).as("due order at %d", i).isBeforeOrEqualTo(after);
        }
    }

    @Test
    void walkingTheCreatedOrderWithACursorVisitsEveryTicketOnceNewestFirst() {
        List<JsonNode> seen = walk("created", 4);

        assertThat(seen).extracting(t -> t.path("number").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all);
        for (int i = 1; i < seen.size(); i++) {
            Instant before = Instant.parse(seen.get(i - 1).path("createdAt").asText());
            Instant after = Instant.parse(seen.get(i).path("createdAt").asText());
            assertThat(before).as("created order at %d", i).isAfterOrEqualTo(after);
        }
    }

    @Test
    void aPageSizeOfOneStillReachesTheEnd() {
        assertThat(walk("due", 1)).hasSameSizeAs(all);
    }

    @Test
    void theLastPageHasNoNextCursor() {
        Response r = agent.get(ApiClient.query("/api/v1/tickets", "limit", "200"));

        assertThat(r.json().path("items")).hasSameSizeAs(all);
        assertThat(r.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aCursorThatIsNotTheServersIsA400NamingCursor() {
        Problems.assertInvalid(agent.get(ApiClient.query("/api/v1/tickets", "cursor", "not-a-cursor")), "cursor");
        Problems.assertInvalid(agent.get(ApiClient.query("/api/v1/tickets", "cursor", "ZHVlfHllc3RlcmRheXwx")), "cursor");
    }

    @Test
    void aCursorOfAnotherSortOrderIsA400NamingCursor() {
        String cursor = agent.get(ApiClient.query("/api/v1/tickets", "sort", "due", "limit", "2")).json().path("nextCursor").asText();

        Problems.assertInvalid(agent.get(ApiClient.query("/api/v1/tickets", "sort", "created", "cursor", cursor)), "cursor");
    }

    @Test
    void searchingForChineseTextFindsSubjectsAndDescriptions() {
        Response r = agent.get(ApiClient.query("/api/v1/tickets", "q", "皮疹"));

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(numbers(r.json().path("items"))).containsExactlyInAnyOrderElementsOf(rash);
        assertThat(numbers(agent.get(ApiClient.query("/api/v1/tickets", "q", "储存条件")).json().path("items"))).hasSize(1);
    }

    @Test
    void searchIsCaseInsensitiveAndTakesLikeWildcardsLiterally() {
        assertThat(numbers(agent.get(ApiClient.query("/api/v1/tickets", "q", "INVOICE COPY")).json().path("items"))).hasSize(4);
        assertThat(agent.get(ApiClient.query("/api/v1/tickets", "q", "%")).json().path("items")).isEmpty();
        assertThat(agent.get(ApiClient.query("/api/v1/tickets", "q", "_")).json().path("items")).isEmpty();
    }

    @Test
    void searchAndFiltersCombineWithTheCursor() {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = agent.get(ApiClient.query("/api/v1/tickets", "q", "皮疹", "queue", "pharmacovigilance",
                    "limit", "2", "cursor", cursor)).json();
            found.addAll(numbers(page.path("items")));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(rash);
    }

    private List<JsonNode> walk(String sort, int limit) {
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response r = agent.get(ApiClient.query("/api/v1/tickets", "sort", sort, "limit", String.valueOf(limit), "cursor", cursor));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode items = r.json().path("items");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            items.forEach(seen::add);
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText();
            assertThat(++pages).as("pages walked").isLessThanOrEqualTo(all.size() + 1);
        } while (cursor != null);
        return seen;
    }

    private String open(String subject, String description, String category, String receivedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("description", description);
        body.put("channel", "web");
        body.put("category", category);
        body.put("receivedAt", receivedAt);
        Response r = agent.post("/api/v1/tickets", body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("number").asText();
    }

    private static List<String> numbers(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("number").asText()));
        return out;
    }
}
