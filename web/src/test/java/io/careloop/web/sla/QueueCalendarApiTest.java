package io.careloop.web.sla;

import static io.careloop.web.testing.Problems.assertInvalid;
import static io.careloop.web.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A supervisor defines a Berlin calendar and gives it to the medical-affairs queue over HTTP; a
 * medical question opened afterwards counts its SLA on Berlin's hours; the assignment can be
 * removed again; agents may not change it and a calendar that does not exist is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueCalendarApiTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("med", "medical-affairs");
        server.user("lin.supervisor", Role.SUPERVISOR, "med");
        server.user("ma.agent", Role.AGENT, "med");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aQueueGetsItsOwnCalendarThroughTheApi() {
        ApiClient supervisor = server.session("lin.supervisor");
        Map<String, Object> berlin = new HashMap<>();
        berlin.put("name", "Berlin office");
        berlin.put("zone", "Europe/Berlin");
        berlin.put("weeklyHours", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "17:00")),
                "TUESDAY", List.of(Map.of("start", "09:00", "end", "17:00"))));
        berlin.put("holidays", List.of("2026-10-03"));
        assertThat(supervisor.send("PUT", "/api/v1/calendars/de-berlin", berlin, Map.of()).status()).isEqualTo(200);

        Response assigned = supervisor.send("PUT", "/api/v1/queue-calendars/medical-affairs",
                Map.of("calendar", "de-berlin", "reason", "medical affairs moved to Berlin"), Map.of());
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
        JsonNode list = supervisor.get("/api/v1/queue-calendars").json().path("items");
        assertThat(list).anySatisfy(row -> {
            assertThat(row.path("queue").asText()).isEqualTo("medical-affairs");
            assertThat(row.path("calendar").asText()).isEqualTo("de-berlin");
            assertThat(row.path("updatedBy").asText()).isEqualTo("lin.supervisor");
        });

        JsonNode question = supervisor.post("/api/v1/tickets", Map.of("subject", "Dosage question", "channel", "email",
                "category", "medical-inquiry", "severity", "medium")).json();
        assertThat(question.path("queue").asText()).isEqualTo("medical-affairs");
        JsonNode shown = supervisor.get("/api/v1/tickets/" + question.path("number").asText()).json();
        assertThat(shown.path("slaCalendar").asText()).isEqualTo("de-berlin");

        Map<String, Object> unassign = new HashMap<>();
        unassign.put("calendar", null);
        unassign.put("reason", "back to head office hours");
        assertThat(supervisor.send("PUT", "/api/v1/queue-calendars/medical-affairs", unassign, Map.of()).status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/queue-calendars").json().path("items").toString()).doesNotContain("medical-affairs");

        assertProblem(server.session("ma.agent").send("PUT", "/api/v1/queue-calendars/medical-affairs",
                Map.of("calendar", "de-berlin"), Map.of()), 403);
        assertInvalid(supervisor.send("PUT", "/api/v1/queue-calendars/medical-affairs", Map.of("calendar", "atlantis"),
                Map.of()), "calendar");
    }
}
