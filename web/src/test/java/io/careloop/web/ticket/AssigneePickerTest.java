package io.careloop.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The assignee picker: who may be given a ticket, typed ahead by name, for supervisors only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssigneePickerTest {

    private TestServer server;
    private ApiClient sue;
    private ApiClient ann;
    private String deskTicket;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.team("pv", "pharmacovigilance");
        server.user("ann", Role.AGENT, "desk");
        server.user("andy", Role.AGENT, "desk");
        server.user("peter", Role.AGENT, "pv");
        server.user("sue", Role.SUPERVISOR);
        server.tokenFor("erp", Role.INTEGRATOR);
        sue = server.session("sue");
        ann = server.session("ann");
        deskTicket = sue.post("/api/v1/tickets", Map.of("subject", "Invoice copy", "description", "Please resend.",
                "channel", "email", "category", "service-process")).json().path("number").asText();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private List<String> names(String query) {
        ApiClient.Response r = sue.get("/api/v1/tickets/" + deskTicket + "/assignees" + query);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode u : r.json().path("items")) {
            out.add(u.path("username").asText());
        }
        return out;
    }

    @Test
    void theQueuesTeamAndSupervisorsAreListedNotOtherTeamsOrIntegrators() {
        assertThat(names("")).containsExactly("andy", "ann", "sue");
    }

    @Test
    void typingNarrowsTheListByName() {
        assertThat(names("?q=AN")).containsExactly("andy", "ann");
        assertThat(names("?q=ann")).containsExactly("ann");
        assertThat(names("?q=zzz")).isEmpty();
        assertThat(names("?q=a&limit=1")).containsExactly("andy");
    }

    @Test
    void anAgentMayNotListAssigneesAndAnUnknownTicketIsNotFound() {
        assertThat(ann.get("/api/v1/tickets/" + deskTicket + "/assignees").status()).isEqualTo(403);
        assertThat(sue.get("/api/v1/tickets/CL-1999-000001/assignees").status()).isEqualTo(404);
    }
}
