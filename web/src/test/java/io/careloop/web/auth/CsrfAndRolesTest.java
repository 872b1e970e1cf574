package io.careloop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Cookie sessions must send the CSRF token on changes; roles decide who may call what. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfAndRolesTest {

    private static final Map<String, Object> TICKET = Map.of("subject", "Invoice copy", "channel", "email");

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.user("agent", Role.AGENT);
        server.user("supervisor", Role.SUPERVISOR);
        server.user("admin", Role.ADMIN);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSessionPostWithoutTheCsrfTokenIsForbidden() {
        ApiClient agent = server.session("agent");
        Map<String, String> noCsrf = new HashMap<>();
        noCsrf.put("X-CSRF-Token", null);

        Problems.assertProblem(agent.post("/api/v1/tickets", TICKET, noCsrf), 403);
    }

    @Test
    void aSessionPostWithAWrongCsrfTokenIsForbidden() {
        ApiClient agent = server.session("agent");

        Problems.assertProblem(agent.post("/api/v1/tickets", TICKET, Map.of("X-CSRF-Token", "wrong")), 403);
        Problems.assertProblem(agent.post("/api/v1/tickets", TICKET, Map.of("X-CSRF-Token", "")), 403);
    }

    @Test
    void anotherSessionsCsrfTokenDoesNotCount() {
        ApiClient agent = server.session("agent");
        ApiClient other = server.session("agent");

        Problems.assertProblem(agent.post("/api/v1/tickets", TICKET, Map.of("X-CSRF-Token", other.csrfToken())), 403);
    }

    @Test
    void aSessionPostWithTheRightCsrfTokenSucceeds() {
        ApiClient agent = server.session("agent");

        Response r = agent.post("/api/v1/tickets", TICKET, Map.of("X-CSRF-Token", agent.csrfToken()));

        assertThat(r.status()).as("%s", r).isEqualTo(201);
    }

    @Test
    void aSessionReadNeedsNoCsrfToken() {
        assertThat(server.session("agent").get("/api/v1/tickets").status()).isEqualTo(200);
    }

    @Test
    void aBearerTokenNeedsNoCsrfToken() {
        ApiClient bearer = server.client().withToken(server.tokenFor("agent.bot", Role.AGENT));

        Response r = bearer.post("/api/v1/tickets", TICKET);

        assertThat(r.status()).as("%s", r).isEqualTo(201);
    }

    @Test
    void anIntegratorMayOpenTicketsButNotReadTheQueue() {
        ApiClient integrator = server.client().withToken(server.tokenFor("erp", Role.INTEGRATOR));

        Response created = integrator.post("/api/v1/tickets", Map.of("subject", "Patient 王五 reports nausea",
                "description", "call back on 13900000000", "channel", "api", "customer", Map.of("type", "patient", "name", "王五")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        // the receipt names the ticket but carries none of its text or personal data
        assertThat(created.json().path("number").asText()).startsWith("CL-");
        assertThat(created.json().has("subject")).isFalse();
        assertThat(created.json().has("description")).isFalse();
        assertThat(created.json().has("customerId")).isFalse();
        assertThat(created.body()).doesNotContain("王五").doesNotContain("13900000000");

        Problems.assertProblem(integrator.get("/api/v1/tickets"), 403);
        Problems.assertProblem(integrator.get("/api/v1/tickets/" + created.json().path("number").asText()), 403);
        Problems.assertProblem(integrator.post("/api/v1/tickets/" + created.json().path("number").asText() + "/claim", null), 403);
        Problems.assertProblem(integrator.get("/api/v1/customers"), 403);
    }

    @Test
    void onlyAnAdminMayCreateUsers() {
        Problems.assertProblem(server.session("agent").post("/api/v1/users", newUser("new.one")), 403);
        Problems.assertProblem(server.session("supervisor").post("/api/v1/users", newUser("new.two")), 403);

        Response r = server.session("admin").post("/api/v1/users", newUser("new.three"));

        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().path("username").asText()).isEqualTo("new.three");
        assertThat(r.json().path("roles")).extracting(n -> n.asText()).containsExactly("agent");
        assertThat(r.json().has("password")).isFalse();
        assertThat(server.client().login("new.three", TestServer.PASSWORD).status()).isEqualTo(200);
        assertThat(server.client().login("new.one", TestServer.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void aUserWithAnUnknownRoleIsRefusedNamingTheField() {
        Map<String, Object> body = new HashMap<>(newUser("new.four"));
        body.put("roles", List.of("overlord"));

        Problems.assertInvalid(server.session("admin").post("/api/v1/users", body), "roles");
    }

    private static Map<String, Object> newUser(String username) {
        return Map.of("username", username, "displayName", "New One", "password", TestServer.PASSWORD,
                "roles", List.of("agent"), "teams", List.of());
    }
}
