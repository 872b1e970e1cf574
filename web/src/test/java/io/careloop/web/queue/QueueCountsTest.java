package io.careloop.web.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The queue screen's counts and filters over HTTP, within each user's data scope. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueCountsTest {

    private TestServer server;
    private ApiClient ann;
    private ApiClient sue;
    private String waitingOnNobody;
    private String annsPhoneCall;
    private String adverseEvent;
    private String vipTicket;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.user("ann", Role.AGENT, "desk");
        server.user("sue", Role.SUPERVISOR);
        ann = server.session("ann");
        sue = server.session("sue");
        waitingOnNobody = open("Invoice copy", "email", "service-process", null);
        annsPhoneCall = open("Delivery late", "phone", "service-process", null);
        ann.post("/api/v1/tickets/" + annsPhoneCall + "/claim", Map.of());
        adverseEvent = open("Rash after the second dose", "phone", "adverse-event", null);
        String resolved = open("Address change", "email", "service-process", null);
        ann.post("/api/v1/tickets/" + resolved + "/claim", Map.of());
        ann.post("/api/v1/tickets/" + resolved + "/resolve", Map.of("resolution", "Changed."));
        vipTicket = open("Stock question", "web", "service-process", "VIP");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String open(String subject, String channel, String category, String tier) {
        Map<String, Object> body = new HashMap<>(Map.of("subject", subject, "description", subject + " (details)",
                "channel", channel, "category", category, "product", "Amoxil 500"));
        if (tier != null) {
            body.put("customer", Map.of("type", "hospital", "tier", tier, "name", "Ruijin Hospital",
                    "email", "purchasing@example.org"));
        }
        var r = sue.post("/api/v1/tickets", body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("number").asText();
    }

    private static Map<String, Long> byQueue(JsonNode counts) {
        Map<String, Long> m = new HashMap<>();
        counts.path("queues").forEach(q -> m.put(q.path("queue").asText(), q.path("open").asLong()));
        return m;
    }

    private List<String> numbers(ApiClient who, String query) {
        var r = who.get("/api/v1/tickets?" + query);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("items").forEach(t -> out.add(t.path("number").asText()));
        return out;
    }

    @Test
    void anAgentCountsTheOpenTicketsOfTheirTeamsQueuesOnly() {
        JsonNode counts = ann.get("/api/v1/queues").json();

        assertThat(counts.path("mine").asLong()).isEqualTo(1);
        assertThat(counts.path("unassigned").asLong()).isEqualTo(2);
        assertThat(byQueue(counts)).containsExactlyEntriesOf(Map.of("service-desk", 3L));
    }

    @Test
    void aSupervisorCountsEveryQueue() {
        JsonNode counts = sue.get("/api/v1/queues").json();

        assertThat(counts.path("mine").asLong()).isZero();
        assertThat(counts.path("unassigned").asLong()).isEqualTo(3);
        assertThat(byQueue(counts)).containsEntry("service-desk", 3L).containsEntry("pharmacovigilance", 1L);
    }

    @Test
    void theCountsFollowTheScreensFilters() {
        JsonNode phone = ann.get("/api/v1/queues?channel=phone").json();
        assertThat(phone.path("mine").asLong()).isEqualTo(1);
        assertThat(phone.path("unassigned").asLong()).isZero();
        assertThat(byQueue(phone)).containsExactlyEntriesOf(Map.of("service-desk", 1L));

        JsonNode vip = ann.get("/api/v1/queues?tier=VIP&category=service-process").json();
        assertThat(vip.path("mine").asLong()).isZero();
        assertThat(vip.path("unassigned").asLong()).isEqualTo(1);

        assertThat(sue.get("/api/v1/queues?category=adverse-event").json().path("unassigned").asLong()).isEqualTo(1);
        assertThat(ann.get("/api/v1/queues?severity=extreme").status()).isEqualTo(400);
    }

    @Test
    void theListFiltersByAssigneeOpennessChannelTierAndProduct() {
        assertThat(numbers(ann, "assignee=none&open=true")).containsExactlyInAnyOrder(waitingOnNobody, vipTicket);
        assertThat(numbers(ann, "assignee=me&open=true")).containsExactly(annsPhoneCall);
        assertThat(numbers(ann, "channel=phone")).containsExactly(annsPhoneCall);
        assertThat(numbers(ann, "tier=VIP&open=true")).containsExactly(vipTicket);
        assertThat(numbers(ann, "product=Amoxil%20500&open=true")).hasSize(3).doesNotContain(adverseEvent);
        assertThat(numbers(sue, "channel=phone&severity=high")).allMatch(n -> n.equals(adverseEvent));
    }

    @Test
    void anUnknownFilterCodeIsABadRequest() {
        var r = ann.get("/api/v1/tickets?tier=GOLD");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("tier");
    }
}
