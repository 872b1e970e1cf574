package io.careloop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Signing in and out, the session cookie's flags, and API tokens from creation to revocation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginAndTokensTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.user("agent", Role.AGENT, "desk");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        Response wrong = server.client().login("agent", "not-the-password-1");
        Response unknown = server.client().login("nobody", TestServer.PASSWORD);

        JsonNode a = Problems.assertProblem(wrong, 401);
        JsonNode b = Problems.assertProblem(unknown, 401);
        assertThat(a.path("detail").asText()).isEqualTo(b.path("detail").asText());
        assertThat(wrong.setCookie(ApiClient.SESSION_COOKIE)).isNull();
    }

    @Test
    void aLoginWithoutABodyIsABadRequest() {
        Problems.assertProblem(server.client().send("POST", "/api/v1/auth/login", null, Map.of()), 400);
    }

    @Test
    void loginAnswersTheCsrfTokenAndTheUserAndSetsAnHttpOnlySameSiteCookie() {
        Response r = server.client().login("agent", TestServer.PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(r.json().path("user").path("username").asText()).isEqualTo("agent");
        assertThat(r.json().path("user").path("roles")).extracting(JsonNode::asText).containsExactly("agent");
        assertThat(r.json().path("user").path("queues")).extracting(JsonNode::asText).containsExactly("service-desk");
        String cookie = r.setCookie(ApiClient.SESSION_COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(r.cookie(ApiClient.SESSION_COOKIE)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(cookie.toLowerCase()).contains("httponly").containsPattern("samesite=(lax|strict)").contains("path=/");
        assertThat(r.body()).doesNotContain(r.cookie(ApiClient.SESSION_COOKIE));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        ApiClient agent = server.session("agent");
        assertThat(agent.get("/api/v1/auth/me").status()).isEqualTo(200);

        Response out = agent.post("/api/v1/auth/logout", null);

        assertThat(out.status()).isEqualTo(204);
        // the cookie is still sent: the server itself must have forgotten the session
        Problems.assertProblem(agent.get("/api/v1/auth/me"), 401);
    }

    @Test
    void everyLoginIssuesANewSessionIdAndEndsTheOneItWasSentWith() {
        ApiClient agent = server.session("agent");
        String first = agent.sessionId();
        String firstCsrf = agent.csrfToken();

        agent.loggedIn("agent", TestServer.PASSWORD);

        assertThat(agent.sessionId()).isNotEqualTo(first);
        assertThat(agent.csrfToken()).isNotEqualTo(firstCsrf);
        assertThat(agent.get("/api/v1/auth/me").status()).isEqualTo(200);
        Problems.assertProblem(server.client().useSession(first, firstCsrf).get("/api/v1/auth/me"), 401);
    }

    @Test
    void anApiTokenIsShownOnceListedWithoutItsSecretAndDeadOnceRevoked() {
        ApiClient agent = server.session("agent");

        Response created = agent.post("/api/v1/auth/tokens", Map.of("name", "crm bridge", "validDays", 30));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String secret = created.json().path("token").asText();
        long id = created.json().path("id").asLong();
        assertThat(secret).startsWith("clt_");
        assertThat(created.json().path("expiresAt").isNull()).isFalse();

        ApiClient bearer = server.client().withToken(secret);
        assertThat(bearer.get("/api/v1/auth/me").json().path("username").asText()).isEqualTo("agent");

        Response listed = agent.get("/api/v1/auth/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("items")).anySatisfy(t -> {
            assertThat(t.path("id").asLong()).isEqualTo(id);
            assertThat(t.path("name").asText()).isEqualTo("crm bridge");
            assertThat(t.has("token")).isFalse();
        });
        assertThat(listed.body()).doesNotContain(secret).doesNotContain(secret.substring(4));

        assertThat(agent.delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(204);

        Problems.assertProblem(bearer.get("/api/v1/auth/me"), 401);
        Problems.assertProblem(agent.delete("/api/v1/auth/tokens/" + id), 404);
    }

    @Test
    void aTokenCannotBeRevokedByAnotherUser() {
        server.user("other.agent", Role.AGENT);
        ApiClient owner = server.session("agent");
        long id = owner.post("/api/v1/auth/tokens", Map.of("name", "mine")).json().path("id").asLong();

        Problems.assertProblem(server.session("other.agent").delete("/api/v1/auth/tokens/" + id), 404);

        assertThat(owner.get("/api/v1/auth/tokens").json().path("items"))
                .anySatisfy(t -> assertThat(t.path("id").asLong()).isEqualTo(id));
    }

    @Test
    void aTokenNeedsANameAndASensibleLifetime() {
        ApiClient agent = server.session("agent");

        Problems.assertInvalid(agent.post("/api/v1/auth/tokens", Map.of("name", " ")), "name");
        Problems.assertInvalid(agent.post("/api/v1/auth/tokens", Map.of("name", "x", "validDays", 0)), "validDays");
    }

    @Test
    void aReadOnlyTokenReadsButCannotChangeAnything() {
        ApiClient agent = server.session("agent");
        Response created = agent.post("/api/v1/auth/tokens", Map.of("name", "dashboard", "scope", "read"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path("scope").asText()).isEqualTo("read");
        ApiClient reader = server.client().withToken(created.json().path("token").asText());

        assertThat(reader.get("/api/v1/tickets").status()).isEqualTo(200);
        Problems.assertProblem(reader.post("/api/v1/tickets", Map.of("subject", "x", "channel", "web")), 403);
        Problems.assertProblem(reader.post("/api/v1/auth/tokens", Map.of("name", "escalate me")), 403);
        assertThat(agent.get("/api/v1/auth/tokens").json().path("items"))
                .anySatisfy(t -> assertThat(t.path("scope").asText()).isEqualTo("read"));
    }

    @Test
    void aTokenWithoutAScopeCanWriteAndAnUnknownScopeIsRefused() {
        ApiClient agent = server.session("agent");
        Response created = agent.post("/api/v1/auth/tokens", Map.of("name", "bridge"));
        assertThat(created.json().path("scope").asText()).isEqualTo("write");

        Problems.assertInvalid(agent.post("/api/v1/auth/tokens", Map.of("name", "x", "scope", "admin")), "scope");
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        Response created = server.session("agent").post("/api/v1/auth/tokens", Map.of("name", "hash check"));
        String secret = created.json().path("token").asText();

        assertThat(io.careloop.engine.testing.Rows.count(server.careLoop(),
                "SELECT COUNT(*) FROM api_token WHERE token_hash = ? OR name = ?", secret, secret)).isZero();
        assertThat(io.careloop.engine.testing.Rows.count(server.careLoop(),
                "SELECT COUNT(*) FROM api_token WHERE LENGTH(token_hash) = 64 AND id = ?", created.json().path("id").asLong()))
                .isEqualTo(1);
    }
}
