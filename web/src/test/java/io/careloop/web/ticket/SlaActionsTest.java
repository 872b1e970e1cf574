package io.careloop.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Over HTTP: business calendars (supervisors edit, agents may not), and the agent's SLA actions
 * wait, resume, assign and escalate as the ticket JSON shows them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaActionsTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.user("zhao.agent", Role.AGENT, "desk");
        server.user("qian.agent", Role.AGENT, "desk");
        server.user("sun.supervisor", Role.SUPERVISOR, "desk");
        server.user("li.pv", Role.SPECIALIST, "desk");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSupervisorReadsTheSeededCalendarAndAddsTheNationalDayHolidaysWithAMakeUpDay() {
        ApiClient supervisor = server.session("sun.supervisor");
        Response list = supervisor.get("/api/v1/calendars");
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        JsonNode office = list.json().path("items").get(0);
        assertThat(office.path("code").asText()).isEqualTo("cn-office");
        assertThat(office.path("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(office.path("isDefault").asBoolean()).isTrue();
        assertThat(office.path("weeklyHours").path("MONDAY").get(0).path("start").asText()).isEqualTo("09:00");
        assertThat(office.path("weeklyHours").has("SATURDAY")).isFalse();

        Map<String, Object> body = Map.of(
                "name", "中国办公时间 / China office hours",
                "zone", "Asia/Shanghai",
                "weeklyHours", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
                        "TUESDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
                        "WEDNESDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
                        "THURSDAY", List.of(Map.of("start", "09:00", "end", "18:00")),
                        "FRIDAY", List.of(Map.of("start", "09:00", "end", "18:00"))),
                "holidays", List.of("2026-10-01", "2026-10-02", "2026-10-05"),
                "makeUpDays", List.of(Map.of("date", "2026-09-27", "worksLike", "MONDAY")),
                "version", office.path("version").asInt());
        Response put = supervisor.send("PUT", "/api/v1/calendars/cn-office", body, Map.of());
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().path("holidays")).extracting(JsonNode::asText)
                .containsExactly("2026-10-01", "2026-10-02", "2026-10-05");
        assertThat(put.json().path("makeUpDays").get(0).path("worksLike").asText()).isEqualTo("MONDAY");
        assertThat(put.json().path("version").asInt()).isEqualTo(office.path("version").asInt() + 1);

        // the same stale version again is a conflict; bad input names its field; agents may not edit
        Problems.assertProblem(supervisor.send("PUT", "/api/v1/calendars/cn-office", body, Map.of()), 409);
        Problems.assertInvalid(supervisor.send("PUT", "/api/v1/calendars/night-desk",
                Map.of("name", "Night", "zone", "Mars/Olympus", "weeklyHours", Map.of()), Map.of()), "zone");
        Problems.assertInvalid(supervisor.send("PUT", "/api/v1/calendars/night-desk",
                Map.of("name", "Night", "weeklyHours", Map.of("FUNDAY", List.of())), Map.of()), "weeklyHours");
        Problems.assertProblem(server.session("zhao.agent").get("/api/v1/calendars"), 403);
        Problems.assertProblem(supervisor.get("/api/v1/calendars/nowhere"), 404);
    }

    @Test
    void anAgentWaitsOnTheCustomerResumesAndEscalatesAndTheSupervisorReassigns() {
        ApiClient agent = server.session("zhao.agent");
        JsonNode t = agent.post("/api/v1/tickets", Map.of("subject", "Order 5521 cancelled by mistake",
                "description", "Please restore the order.", "channel", "email", "category", "service-process",
                "severity", "low")).json();
        String n = t.path("number").asText();
        assertThat(t.path("slaState").asText()).isEqualTo("on-track");

        // wait → the clock stops; a stale version is a 409
        Problems.assertProblem(agent.post("/api/v1/tickets/" + n + "/wait", Map.of("version", 99)), 409);
        Response waiting = agent.post("/api/v1/tickets/" + n + "/wait",
                Map.of("reason", "asked for the order confirmation", "version", t.path("version").asInt()));
        assertThat(waiting.status()).as("%s", waiting).isEqualTo(200);
        assertThat(waiting.json().path("status").asText()).isEqualTo("waiting");
        assertThat(waiting.json().path("slaPaused").asBoolean()).isTrue();
        Problems.assertProblem(agent.post("/api/v1/tickets/" + n + "/wait", Map.of()), 409);

        Response resumed = agent.post("/api/v1/tickets/" + n + "/resume", Map.of());
        assertThat(resumed.status()).as("%s", resumed).isEqualTo(200);
        assertThat(resumed.json().path("slaPaused").asBoolean()).isFalse();
        assertThat(resumed.json().path("status").asText()).isEqualTo("new");

        // an agent may take it, but not hand it to a colleague; the supervisor may
        Problems.assertProblem(agent.post("/api/v1/tickets/" + n + "/assign", Map.of("assignee", "qian.agent")), 403);
        Response self = agent.post("/api/v1/tickets/" + n + "/assign", Map.of("assignee", "zhao.agent"));
        assertThat(self.status()).as("%s", self).isEqualTo(200);
        Response handedOver = server.session("sun.supervisor").post("/api/v1/tickets/" + n + "/assign",
                Map.of("assignee", "qian.agent"));
        assertThat(handedOver.json().path("assignee").asText()).isEqualTo("qian.agent");

        // escalate needs a reason, then moves one step up
        Problems.assertInvalid(agent.post("/api/v1/tickets/" + n + "/escalate", Map.of()), "reason");
        Response escalated = agent.post("/api/v1/tickets/" + n + "/escalate", Map.of("reason", "客户要求主管回电"));
        assertThat(escalated.status()).as("%s", escalated).isEqualTo(200);
        assertThat(escalated.json().path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(escalated.json().path("status").asText()).isEqualTo("escalated");
        assertThat(escalated.json().path("priority").asText()).isEqualTo("normal");

        List<String> actions = new ArrayList<>();
        agent.get("/api/v1/tickets/" + n).json().path("timeline").forEach(e -> actions.add(e.path("kind").asText()));
        assertThat(actions).containsSubsequence("ticket.waiting", "ticket.resumed", "ticket.assigned", "ticket.assigned",
                "ticket.escalated");
    }

    @Test
    void pharmacovigilanceConfirmsAPossibleAdverseEventAndWorksTheCaseWithItsRegulatoryClock() {
        ApiClient agent = server.session("zhao.agent");
        ApiClient pv = server.session("li.pv");
        JsonNode t = agent.post("/api/v1/tickets", Map.of("subject", "Late delivery, and a rash",
                "description", "The parcel came late; my son got a rash after the first tablet.", "channel", "web",
                "category", "service-process", "severity", "low")).json();
        String n = t.path("number").asText();
        assertThat(t.path("adverseEventSuspected").asBoolean()).isTrue();
        assertThat(t.path("regulatoryDue").isNull()).isTrue();

        Problems.assertProblem(pv.post("/api/v1/tickets/" + n + "/adverse-event/assess", Map.of("seriousness", "other")), 409);
        assertThat(pv.post("/api/v1/tickets/" + n + "/pv-review", Map.of("outcome", "confirmed")).status()).isEqualTo(200);
        Problems.assertInvalid(pv.post("/api/v1/tickets/" + n + "/adverse-event/assess", Map.of("seriousness", "grave")),
                "seriousness");
        Problems.assertInvalid(pv.post("/api/v1/tickets/" + n + "/adverse-event/triage", Map.of()), "step");
        Problems.assertProblem(agent.post("/api/v1/tickets/" + n + "/adverse-event/assess", Map.of("seriousness", "other")), 403);

        Response assessed = pv.post("/api/v1/tickets/" + n + "/adverse-event/assess", Map.of("seriousness", "other",
                "market", "CN", "causality", "possible", "patientIdentifiable", true, "reporterIdentifiable", true,
                "suspectProduct", true, "adverseEventDescribed", true));
        assertThat(assessed.status()).as("%s", assessed).isEqualTo(200);
        assertThat(assessed.json().path("openStep").asText()).isEqualTo("submit");
        JsonNode clocked = agent.get("/api/v1/tickets/" + n).json();
        assertThat(java.time.Instant.parse(clocked.path("regulatoryDue").asText()))
                // Day 0 travels through the process as a java.util.Date: millisecond precision
                .isEqualTo(java.time.Instant.parse(t.path("receivedAt").asText())
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(java.time.Duration.ofDays(30)));
        Response submitted = pv.post("/api/v1/tickets/" + n + "/adverse-event/submit", Map.of("submissionRef", "NMPA-7"));
        assertThat(submitted.json().path("openStep").isNull()).isTrue();
    }

    @Test
    void theQueueFiltersBySlaState() {
        ApiClient agent = server.session("zhao.agent");
        Response onTrack = agent.get(ApiClient.query("/api/v1/tickets", "sla", "on-track"));
        assertThat(onTrack.status()).as("%s", onTrack).isEqualTo(200);
        onTrack.json().path("items").forEach(i -> assertThat(i.path("slaState").asText()).isEqualTo("on-track"));
        Response breached = agent.get(ApiClient.query("/api/v1/tickets", "sla", "breached"));
        assertThat(breached.json().path("items")).isEmpty();
        Problems.assertInvalid(agent.get(ApiClient.query("/api/v1/tickets", "sla", "late")), "sla");
    }
}
