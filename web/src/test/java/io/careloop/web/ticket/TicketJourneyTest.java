package io.careloop.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An agent works an adverse-event report through the API from intake to close, and the ticket row,
 * the audit trail and the Camunda process agree at every step. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TicketJourneyTest {

    private static final String QUEUE = "pharmacovigilance";

    private TestServer server;

    abstract TestDatabases.Kind kind();

    @BeforeAll
    void start() {
        server = TestServer.start(kind(), getClass().getSimpleName());
        server.team("pv-team", QUEUE);
        server.user("li.agent", Role.AGENT, "pv-team");
        server.user("wang.pv", Role.SPECIALIST, "pv-team");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAgentTakesAnAdverseEventReportFromIntakeToClose() throws Exception {
        ApiClient agent = server.session("li.agent");

        // Given a report without a category: the process categorises it from the text
        Response created = agent.post("/api/v1/tickets", Map.of(
                "subject", "服用后出现皮疹 rash after the third dose",
                "description", "Patient reports a rash and itching since yesterday; stopped taking it.",
                "channel", "phone"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode t = created.json();
        String number = t.path("number").asText();
        assertThat(number).matches("CL-\\d{4}-\\d{6}");
        assertThat(created.header("Location")).isEqualTo("/api/v1/tickets/" + number);
        assertThat(t.path("status").asText()).isEqualTo("new");
        assertThat(t.path("adverseEventSuspected").asBoolean()).isTrue();
        assertThat(t.path("pvReview").asText()).isEqualTo("pending");
        assertThat(t.path("slaState").asText()).isEqualTo("on-track");
        assertThat(t.path("slaPaused").asBoolean()).isFalse();
        assertThat(t.path("escalationLevel").asInt()).isZero();
        assertThat(t.path("regulatoryDue").isNull()).isTrue();
        assertThat(t.path("category").asText()).isEqualTo("adverse-event");
        assertThat(t.path("severity").asText()).isEqualTo("medium");
        assertThat(t.path("priority").asText()).isEqualTo("normal");
        assertThat(t.path("queue").asText()).isEqualTo(QUEUE);
        assertThat(t.path("channel").asText()).isEqualTo("phone");
        assertThat(t.path("source").asText()).isEqualTo("api");
        Instant createdAt = Instant.parse(t.path("createdAt").asText());
        assertThat(number.substring(3, 7)).isEqualTo(String.valueOf(createdAt.atZone(ZoneOffset.UTC).getYear()));
        Instant firstResponseDue = Instant.parse(t.path("firstResponseDue").asText());
        Instant resolutionDue = Instant.parse(t.path("resolutionDue").asText());
        assertThat(firstResponseDue).isAfter(createdAt);
        assertThat(resolutionDue).isAfterOrEqualTo(firstResponseDue);

        // the queue shows it, soonest due first
        Response queue = agent.get(ApiClient.query("/api/v1/tickets", "queue", QUEUE, "sort", "due"));
        assertThat(queue.status()).as("%s", queue).isEqualTo(200);
        assertThat(numbers(queue.json().path("items"))).containsExactly(number);

        // When the agent claims it, the Camunda task becomes theirs and stays in the queue's group
        Response claimed = agent.post("/api/v1/tickets/" + number + "/claim", Map.of("version", t.path("version").asInt()));
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(200);
        assertThat(claimed.json().path("status").asText()).isEqualTo("open");
        assertThat(claimed.json().path("assignee").asText()).isEqualTo("li.agent");
        assertThat(claimed.header("ETag")).isEqualTo("\"" + claimed.json().path("version").asInt() + "\"");
        String processInstanceId = agent.get("/api/v1/tickets/" + number).json().path("process").path("instanceId").asText();
        ProcessEngine engine = server.careLoop().processEngine();
        Task handle = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("handle").singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("handle");
        assertThat(handle.getAssignee()).isEqualTo("li.agent");
        assertThat(engine.getTaskService().getIdentityLinksForTask(handle.getId()))
                .filteredOn(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .extracting(IdentityLink::getGroupId).containsExactly(QUEUE);

        // replies, then resolves with a final answer
        Response replied = agent.post("/api/v1/tickets/" + number + "/replies",
                Map.of("body", "感谢您的反馈，药物警戒同事会在24小时内联系您。"));
        assertThat(replied.status()).as("%s", replied).isEqualTo(201);
        assertThat(replied.json().path("firstRespondedAt").isNull()).isFalse();
        Response resolved = agent.post("/api/v1/tickets/" + number + "/resolve",
                Map.of("resolution", "Case forwarded to pharmacovigilance as AE-2026-17."));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        assertThat(resolved.json().path("status").asText()).isEqualTo("resolved");

        // Then the ticket reads resolved, with its story in order and the process at the event-based gateway
        Response view = agent.get("/api/v1/tickets/" + number);
        assertThat(view.status()).isEqualTo(200);
        JsonNode v = view.json();
        assertThat(v.path("status").asText()).isEqualTo("resolved");
        assertThat(v.path("resolvedAt").isNull()).isFalse();
        assertThat(v.path("process").path("activities")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("resolved", "pv-review");
        List<String> story = new ArrayList<>();
        for (JsonNode e : v.path("timeline")) {
            story.add(e.path("type").asText() + ":" + e.path("kind").asText());
        }
        assertThat(story).containsExactly(
                "audit:ticket.created",
                "audit:ticket.classified",
                "audit:ticket.claimed",
                "interaction:reply",
                "audit:ticket.replied",
                "interaction:reply",
                // resolving starts the feedback loop; no outbound plugin here, so the invitation is not sent
                "interaction:survey",
                "audit:ticket.survey-invitation-not-sent",
                "audit:ticket.resolved");
        JsonNode firstReply = StreamSupport.stream(v.path("timeline").spliterator(), false)
                .filter(e -> "reply".equals(e.path("kind").asText())).findFirst().orElseThrow();
        assertThat(firstReply.path("actor").asText()).isEqualTo("li.agent");
        assertThat(firstReply.path("direction").asText()).isEqualTo("outbound");
        assertThat(firstReply.path("body").asText()).startsWith("感谢您的反馈");
        assertThat(auditTrail(number)).containsExactly(
                tuple("ticket.created", "li.agent"),
                tuple("ticket.classified", "process"),
                tuple("ticket.claimed", "li.agent"),
                tuple("ticket.replied", "li.agent"),
                tuple("ticket.survey-invitation-not-sent", "process"),
                tuple("ticket.resolved", "li.agent"));

        HistoryService history = engine.getHistoryService();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("handle").count()).isZero();
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("handle").singleResult();
        assertThat(done.getTaskDefinitionKey()).isEqualTo("handle");
        assertThat(done.getAssignee()).isEqualTo("li.agent");
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getDeleteReason()).isEqualTo("completed");

        // reopening needs a reason
        Problems.assertInvalid(agent.post("/api/v1/tickets/" + number + "/reopen", Map.of()), "reason");
        Response reopened = agent.post("/api/v1/tickets/" + number + "/reopen", Map.of("reason", "客户再次来电：皮疹未消退"));
        assertThat(reopened.status()).as("%s", reopened).isEqualTo(200);
        assertThat(reopened.json().path("status").asText()).isEqualTo("reopened");
        assertThat(reopened.json().path("reopenCount").asInt()).isEqualTo(1);
        assertThat(agent.get("/api/v1/tickets/" + number).json().path("process").path("activities"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("handle", "pv-review");

        // a reopened ticket is resolved again before it can be closed
        Problems.assertProblem(agent.post("/api/v1/tickets/" + number + "/close", Map.of()), 409);
        // an adverse event is a regulated record: resolving and closing it state why (docs/security.md)
        Problems.assertProblem(agent.post("/api/v1/tickets/" + number + "/resolve", null), 422);
        assertThat(agent.post("/api/v1/tickets/" + number + "/resolve", Map.of("reason", "rash resolved; AE report updated"))
                .status()).isEqualTo(200);
        // a possible adverse event is not closed before pharmacovigilance has reviewed it
        JsonNode blocked = Problems.assertProblem(agent.post("/api/v1/tickets/" + number + "/close",
                Map.of("reason", "PV follow-up complete")), 409);
        assertThat(blocked.path("detail").asText()).contains("pharmacovigilance");
        Problems.assertProblem(agent.post("/api/v1/tickets/" + number + "/pv-review", Map.of("outcome", "confirmed")), 403);
        ApiClient pv = server.session("wang.pv");
        Problems.assertInvalid(pv.post("/api/v1/tickets/" + number + "/pv-review", Map.of("outcome", "maybe")), "outcome");
        Response reviewed = pv.post("/api/v1/tickets/" + number + "/pv-review", Map.of("outcome", "confirmed"));
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);
        assertThat(reviewed.json().path("pvReview").asText()).isEqualTo("confirmed");
        Response closed = agent.post("/api/v1/tickets/" + number + "/close", Map.of("reason", "PV follow-up complete"));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("closed");
        assertThat(closed.json().path("closedAt").isNull()).isFalse();

        JsonNode end = agent.get("/api/v1/tickets/" + number).json();
        assertThat(end.path("process").path("activities")).isEmpty();
        assertThat(auditTrail(number)).extracting(a -> a.toList().get(0)).containsExactly(
                "ticket.created", "ticket.classified", "ticket.claimed", "ticket.replied",
                "ticket.survey-invitation-not-sent", "ticket.resolved", "ticket.reopened",
                "ticket.survey-invitation-not-sent", "ticket.resolved", "ticket.pv-reviewed", "ticket.closed");
        assertThat(reasonOf(number, "ticket.reopened")).isEqualTo("客户再次来电：皮疹未消退");

        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo(number);
        assertThat(pi.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(pi.getEndActivityId()).isEqualTo("closed");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count()).isEqualTo(3);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence().asc().list())
                .extracting(HistoricActivityInstance::getActivityId)
                .contains("categorise", "default-severity", "classify", "handle", "resolved", "reopened", "close-requested", "closed");
    }

    private static List<String> numbers(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("number").asText()));
        return out;
    }

    /** (action, actor) of the ticket's audit rows, oldest first, read straight from the table. */
    private List<Tuple> auditTrail(String number) throws SQLException {
        List<Tuple> rows = new ArrayList<>();
        try (Connection c = server.careLoop().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT action, actor FROM audit_event WHERE entity_type = 'ticket' AND entity_id = ? ORDER BY id")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(tuple(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return rows;
    }

    private String reasonOf(String number, String action) throws SQLException {
        try (Connection c = server.careLoop().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT reason FROM audit_event WHERE entity_type = 'ticket' AND entity_id = ? AND action = ?")) {
            s.setString(1, number);
            s.setString(2, action);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
