package io.careloop.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.Rows;
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

/** The access request: everything held about a person as one JSON document, its read audited. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataExportTest {

    private TestServer server;
    private ApiClient boss;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.user("boss", Role.SUPERVISOR);
        server.agentOfEveryQueue("agent");
        boss = server.session("boss");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theExportHoldsTheCustomerTheirTicketsWhatWasSaidTheirSurveyAnswersAndTheAuditLines() {
        Response created = boss.post("/api/v1/tickets", Map.of("subject", "Late delivery", "description",
                "My order for Lipitor is a week late", "channel", "email", "category", "service-process", "severity", "low",
                "customer", Map.of("type", "patient", "tier", "C", "name", "Sun Li", "email", "sun.li@example.cn")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String number = created.json().path("number").asText();
        String customer = created.json().path("customerId").asText();
        assertThat(boss.post("/api/v1/tickets/" + number + "/replies", Map.of("body", "It left the warehouse today."))
                .status()).isEqualTo(201);
        assertThat(boss.post("/api/v1/tickets/" + number + "/survey-responses",
                Map.of("csat", 4, "comment", "ok in the end", "sourceKey", "export-1")).status()).isEqualTo(201);
        assertThat(server.session("agent").get("/api/v1/tickets/" + number).status()).isEqualTo(200);

        Response r = boss.get("/api/v1/customers/" + customer + "/export");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("customer-" + customer + "-export.json");
        JsonNode export = r.json();
        assertThat(export.path("exportedBy").asText()).isEqualTo("boss");
        assertThat(export.path("customer").path("email").asText()).isEqualTo("sun.li@example.cn");
        assertThat(export.path("tickets")).hasSize(1);
        JsonNode ticket = export.path("tickets").get(0);
        assertThat(ticket.path("description").asText()).isEqualTo("My order for Lipitor is a week late");
        assertThat(bodies(ticket.path("interactions"))).contains("It left the warehouse today.");
        assertThat(export.path("surveyResponses")).hasSize(1);
        assertThat(export.path("surveyResponses").get(0).path("body").asText()).contains("ok in the end");
        assertThat(export.path("surveyResponses").get(0).path("ticket").asText()).isEqualTo(number);
        List<String> actions = new ArrayList<>();
        export.path("audit").forEach(a -> actions.add(a.path("action").asText() + " " + a.path("entityId").asText()));
        assertThat(actions).contains("customer.created " + customer, "ticket.created " + number,
                "ticket.read ticket/" + number);
        assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE action = 'customer-export.read' "
                + "AND entity_id = ? AND actor = 'boss'", "customer-export/" + customer)).isEqualTo(1);
    }

    @Test
    void anAgentMayNotExportAndAnUnknownPersonIs404() {
        Problems.assertProblem(server.session("agent").get("/api/v1/customers/1/export"), 403);
        Problems.assertProblem(boss.get("/api/v1/customers/999999/export"), 404);
    }

    private static List<String> bodies(JsonNode interactions) {
        List<String> out = new ArrayList<>();
        interactions.forEach(i -> out.add(i.path("body").asText()));
        return out;
    }
}
