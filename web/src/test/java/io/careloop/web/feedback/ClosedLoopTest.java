package io.careloop.web.feedback;

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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The closed loop end to end over HTTP (DOMAIN.md 识别与报告 → … → 跟踪与闭环): an e-mail complaint
 * becomes a ticket, its first-response timer breaches and escalates it, the agent resolves it, the
 * customer answers the survey with CSAT 1, the supervisor makes the follow-up call, the ticket
 * closes; a response after closing still gets its follow-up. The job executor is off in tests:
 * the test runs the due timer job as the executor would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedLoopTest {

    private TestServer server;
    private String surveyToken;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.user("zhou.agent", Role.AGENT, "desk");
        server.user("wu.supervisor", Role.SUPERVISOR, "desk");
        surveyToken = server.tokenFor("wenjuanxing", Role.INTEGRATOR);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void complaintBreachEscalationResolutionLowScoreFollowUpAndClose() {
        ApiClient agent = server.session("zhou.agent");
        ApiClient supervisor = server.session("wu.supervisor");
        ApiClient surveyTool = server.client().withToken(surveyToken);

        // an e-mail complaint becomes a ticket in the service desk's queue
        Response created = agent.post("/api/v1/tickets", Map.of("subject", "Complaint: order 8812 never arrived",
                "description", "I called twice and nobody called back.", "channel", "email",
                "category", "service-process", "severity", "low"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String n = created.json().path("number").asText();
        assertThat(agent.post("/api/v1/tickets/" + n + "/claim", Map.of()).status()).isEqualTo(200);

        // the first-response timer fires: breached, escalated to the supervisors (L2), priority up
        fireTimer(n, "first-response-breach");
        JsonNode escalated = agent.get("/api/v1/tickets/" + n).json();
        assertThat(escalated.path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(escalated.path("slaState").asText()).isEqualTo("breached");
        assertThat(escalated.path("status").asText()).isEqualTo("escalated");
        assertThat(escalated.path("priority").asText()).isEqualTo("normal");
        assertThat(kinds(escalated)).contains("ticket.escalated");
        assertThat(agent.get(ApiClient.query("/api/v1/tickets", "sla", "breached")).json().path("items"))
                .extracting(i -> i.path("number").asText()).contains(n);

        // resolved: the feedback loop starts; without an outbound plugin the invitation is recorded as not sent
        Response resolved = agent.post("/api/v1/tickets/" + n + "/resolve", Map.of("resolution", "Re-shipped today."));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        assertThat(kinds(agent.get("/api/v1/tickets/" + n).json())).contains("ticket.survey-invitation-not-sent");

        // the survey tool reports CSAT 1: recorded on the ticket, and a follow-up call (回访) opens
        Problems.assertInvalid(surveyTool.post("/api/v1/tickets/" + n + "/survey-responses", Map.of("csat", 9)), "csat");
        Response survey = surveyTool.post("/api/v1/tickets/" + n + "/survey-responses",
                Map.of("csat", 1, "nps", 2, "comment", "太慢了", "sourceKey", "wjx-1001"));
        assertThat(survey.status()).as("%s", survey).isEqualTo(201);
        assertThat(survey.json().path("followUpOpen").asBoolean()).isTrue();
        Response again = surveyTool.post("/api/v1/tickets/" + n + "/survey-responses",
                Map.of("csat", 1, "nps", 2, "comment", "太慢了", "sourceKey", "wjx-1001"));
        assertThat(again.status()).as("the same response twice is recorded once").isEqualTo(200);
        JsonNode afterSurvey = agent.get("/api/v1/tickets/" + n).json();
        assertThat(interactions(afterSurvey)).filteredOn(b -> b.startsWith("Survey response")).hasSize(1);

        // the supervisor reports the call; agents may not
        Problems.assertProblem(agent.post("/api/v1/tickets/" + n + "/follow-up", Map.of("note", "called")), 403);
        Response followedUp = supervisor.post("/api/v1/tickets/" + n + "/follow-up",
                Map.of("note", "已回访：致歉并确认已重新发货"));
        assertThat(followedUp.status()).as("%s", followedUp).isEqualTo(200);
        assertThat(followedUp.json().path("followUpOpen").asBoolean()).isFalse();
        Problems.assertProblem(supervisor.post("/api/v1/tickets/" + n + "/follow-up", Map.of("note", "again")), 409);

        Response closed = agent.post("/api/v1/tickets/" + n + "/close", Map.of());
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("closed");
        JsonNode end = agent.get("/api/v1/tickets/" + n).json();
        assertThat(kinds(end)).containsSubsequence("ticket.escalated", "ticket.resolved", "ticket.survey-response",
                "ticket.followed-up", "ticket.closed");
        assertThat(interactions(end)).contains("已回访：致歉并确认已重新发货");

        // a response after closing is still recorded and still opens a follow-up call
        Response late = surveyTool.post("/api/v1/tickets/" + n + "/survey-responses",
                Map.of("csat", 2, "comment", "second thoughts", "sourceKey", "wjx-1002"));
        assertThat(late.status()).as("%s", late).isEqualTo(201);
        assertThat(late.json().path("followUpOpen").asBoolean()).isTrue();
    }

    private void fireTimer(String number, String boundaryEvent) {
        String pi = server.careLoop().tickets().find(number).processInstanceId();
        ManagementService management = server.careLoop().processEngine().getManagementService();
        Job job = management.createJobQuery().processInstanceId(pi).activityId(boundaryEvent).singleResult();
        assertThat(job).as(boundaryEvent).isNotNull();
        management.executeJob(job.getId());
    }

    private static List<String> kinds(JsonNode ticket) {
        List<String> out = new ArrayList<>();
        ticket.path("timeline").forEach(e -> out.add(e.path("kind").asText()));
        return out;
    }

    private static List<String> interactions(JsonNode ticket) {
        List<String> out = new ArrayList<>();
        ticket.path("timeline").forEach(e -> {
            if ("interaction".equals(e.path("type").asText())) {
                out.add(e.path("body").asText());
            }
        });
        return out;
    }
}
