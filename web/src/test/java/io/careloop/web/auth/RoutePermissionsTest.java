package io.careloop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Role;
import io.careloop.web.WebServer;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.testing.RoutePaths;
import io.careloop.web.testing.SecurityDoc;
import io.careloop.web.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the ApiRoute table, called as each of the five roles, answers 403 exactly where
 * the permission matrix (docs/security.md, {@link Permission}) denies the role, and something else
 * (2xx, 400, 404, …) where it grants it. The routes come from {@link WebServer#routes}: a route
 * added later is walked too, and fails until docs/security.md names its permission.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutePermissionsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer server;
    private List<ApiRoute> routes;
    private SecurityDoc doc;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        routes = WebServer.routes(server.careLoop());
        doc = SecurityDoc.read();
        for (Role role : Role.values()) {
            tokens.put(role, server.tokenFor("only." + role.code(), role));
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDocumentedMatrixIsTheOneInCode() {
        assertThat(doc.matrix().keySet()).containsExactlyInAnyOrder(Permission.values());
        for (Permission p : Permission.values()) {
            assertThat(doc.matrix().get(p)).as("roles of %s in docs/security.md", p.code()).isEqualTo(p.roles());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRouteIsListedWithThePermissionItDeclares() {
        return routes.stream().map(r -> DynamicTest.dynamicTest(name(r), () -> {
            String documented = doc.permissionOf(r.method().name(), r.path()).orElseThrow(() -> new AssertionError(
                    name(r) + " is missing from the route table of docs/security.md: add a row with its permission"));
            if (r.access().open()) {
                assertThat(documented).as("%s is public in code", name(r)).isEqualTo(SecurityDoc.PUBLIC);
            } else {
                assertThat(documented).as("%s is not public in code", name(r)).isNotEqualTo(SecurityDoc.PUBLIC);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswers403ExactlyToTheRolesTheMatrixDenies() {
        return routes.stream().filter(r -> !r.access().open()).flatMap(r -> Arrays.stream(Role.values())
                .map(role -> DynamicTest.dynamicTest(name(r) + " as " + role.code(), () -> {
                    Permission p = doc.permissionOf(r.method().name(), r.path()).map(Permission::fromCode)
                            .orElseThrow(() -> new AssertionError(name(r) + " is missing from docs/security.md"));
                    int status = call(r, tokens.get(role));
                    if (p.roles().contains(role)) {
                        assertThat(status).as("%s as %s (granted by %s)", name(r), role.code(), p.code())
                                .isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(status).as("%s as %s (denied by %s)", name(r), role.code(), p.code()).isEqualTo(403);
                    }
                })));
    }

    /**
     * Calls the route with ids no record has (so a granted call ends in 400/404 rather than changing
     * anything) and reads only the status: a granted stream (server-sent events) is not read to its end.
     */
    private int call(ApiRoute r, String token) throws IOException, InterruptedException {
        String path = RoutePaths.fill(r.path(), (template, param) -> "999999");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (r.changesState()) {
            b.header("Content-Type", "application/json")
                    .method(r.method().name(), HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        } else {
            b.method(r.method().name(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static String name(ApiRoute r) {
        return r.method().name() + " " + r.path();
    }
}
