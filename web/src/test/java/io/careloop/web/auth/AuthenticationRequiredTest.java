package io.careloop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.WebServer;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.RoutePaths;
import io.careloop.web.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route but login, health and the OpenAPI document refuses a caller without credentials.
 * The routes come from {@link WebServer#routes}, so a route added tomorrow is checked too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationRequiredTest {

    private static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login", "GET /health", "GET /api/openapi.json");

    private TestServer server;
    private List<ApiRoute> routes;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        routes = WebServer.routes(server.careLoop());
        server.user("agent", Role.AGENT);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void exactlyLoginHealthAndTheApiDocumentArePublic() {
        assertThat(routes.stream().filter(r -> r.access().open()).map(AuthenticationRequiredTest::name))
                .containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @TestFactory
    Stream<DynamicTest> everyOtherRouteAnswers401WithoutCredentials() {
        return routes.stream().filter(r -> !PUBLIC.contains(name(r))).map(r -> DynamicTest.dynamicTest(name(r), () -> {
            Response answer = call(server.client(), r, Map.of());
            Problems.assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOtherRouteAnswers401ToAnUnknownTokenOrSession() {
        return routes.stream().filter(r -> !PUBLIC.contains(name(r))).map(r -> DynamicTest.dynamicTest(name(r), () -> {
            Problems.assertProblem(call(server.client().withToken("clt_not-a-real-token"), r, Map.of()), 401);
            Problems.assertProblem(call(server.client(), r, Map.of("Authorization", "Basic YWdlbnQ6eA==")), 401);
            Problems.assertProblem(call(server.client().useSession("made-up-session", "made-up-csrf"), r, Map.of()), 401);
        }));
    }

    @Test
    void theSessionOfASignedInUserOpensARoute() {
        ApiClient agent = server.session("agent");
        assertThat(agent.get("/api/v1/auth/me").json().path("username").asText()).isEqualTo("agent");
    }

    private static Response call(ApiClient client, ApiRoute r, Map<String, String> headers) {
        String body = r.changesState() ? "{}" : null;
        return client.send(r.method().name(), RoutePaths.fill(r.path()), body, headers);
    }

    static String name(ApiRoute r) {
        return r.method().name() + " " + r.path();
    }
}
