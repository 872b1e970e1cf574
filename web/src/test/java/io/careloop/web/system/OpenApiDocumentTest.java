package io.careloop.web.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.WebServer;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.RoutePaths;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** The OpenAPI document served at /api/openapi.json and the router describe the same API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private TestServer server;
    private JsonNode doc;
    private String ticketNumber;
    private String attachmentId;
    private String customerId;
    private String tokenId;
    private String runId;
    private String batchId;
    private String incidentId;
    private String capaNumber;
    private String scheduleId;

    @BeforeAll
    void start() {
        // with the bundled plugins the build put into web/target/plugins, so plugin routes have a plugin to name
        io.careloop.engine.config.Settings base = io.careloop.engine.testing.TestCareLoop.settings(TestDatabases.Kind.H2,
                getClass().getSimpleName());
        server = TestServer.start(new io.careloop.engine.config.Settings(0, base.dataDir(), base.dbUrl(), base.dbUser(),
                base.dbPassword(), base.dbPoolSize(), java.nio.file.Path.of("target", "plugins"), false, null, false,
                base.autoCloseAfter(), base.sessionIdle(), base.sessionAbsolute(), base.bcryptCost()));
        server.user("admin", Role.ADMIN);
        Response r = server.client().get("/api/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        doc = r.json();
        ApiClient admin = server.session("admin");
        ticketNumber = admin.post("/api/v1/tickets", Map.of("subject", "Sample", "channel", "web")).json().path("number").asText();
        customerId = admin.post("/api/v1/customers", Map.of("type", "doctor", "tier", "B", "name", "Dr. Sample"))
                .json().path("id").asText();
        tokenId = admin.post("/api/v1/auth/tokens", Map.of("name", "sample")).json().path("id").asText();
        scheduleId = admin.post("/api/v1/reports/schedules", Map.of("name", "Sample", "dayOfWeek", 1, "time", "08:00",
                "timeZone", "Asia/Shanghai", "recipients", java.util.List.of("boss@example.com"))).json().path("id").asText();
        var files = server.careLoop().attachments();
        var staged = files.stage(List.of(new io.careloop.plugin.api.Attachment("sample.txt", "text/plain", 6, null,
                () -> new java.io.ByteArrayInputStream("sample".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        server.careLoop().transactions().write(t -> {
            files.record(t, ticketNumber, staged, "api");
            return null;
        });
        attachmentId = String.valueOf(files.list(ticketNumber).get(0).id());
        runId = String.valueOf(server.careLoop().imports().start("example", "lines.txt", null,
                new java.io.ByteArrayInputStream("s-1|Sample".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "admin").id());
        // the studio's samples: a second version of ticket-lifecycle, a migration of the sample ticket to it, an incident
        io.careloop.engine.CareLoop c = server.careLoop();
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("ticket-lifecycle.bpmn")) {
            c.studio().deploy(List.of(new io.careloop.engine.studio.StudioFile("ticket-lifecycle.bpmn", in.readAllBytes())),
                    "sample version", "admin", true, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        batchId = c.migrations().start("ticket-lifecycle", 1, 2, "admin", "sample").batchId();
        // on a ticket of its own: the ticket actions the other samples take end the sample ticket's timers
        String incidentTicket = admin.post("/api/v1/tickets", Map.of("subject", "Incident sample", "channel", "web")).json()
                .path("number").asText();
        String instance = c.tickets().find(incidentTicket).processInstanceId();
        // a timer job out of retries is a failed-job incident
        c.processEngine().getManagementService().setJobRetries(c.processEngine().getManagementService().createJobQuery()
                .processInstanceId(instance).list().get(0).getId(), 0);
        incidentId = c.processEngine().getRuntimeService().createIncidentQuery().processInstanceId(instance).list().get(0)
                .getId();
        // a CAPA: two complaints about one insulin lot (the policy's N is 2 for insulin)
        for (int i = 0; i < 2; i++) {
            String complaint = admin.post("/api/v1/tickets", Map.of("subject", "Insulin pen cracked " + i, "channel", "web",
                    "category", "product-quality", "severity", "medium")).json().path("number").asText();
            var q = c.qualityComplaints().recordDetails(complaint, "Insulin glargine", "S-1", null, false, "sample", "admin");
            capaNumber = q.capa() == null ? null : q.capa().number();
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDocumentIsOpenApi31() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path("session").path("name").asText())
                .isEqualTo(ApiClient.SESSION_COOKIE);
    }

    @Test
    void theDocumentListsExactlyTheRoutesOfTheServer() {
        List<String> fromRoutes = WebServer.routes(server.careLoop()).stream()
                .map(r -> r.method().name() + " " + r.path()).toList();

        assertThat(documented()).containsExactlyInAnyOrderElementsOf(fromRoutes);
    }

    @Test
    void everyOperationHasAUniqueIdASuccessAndAProblemResponse() {
        Set<String> ids = new HashSet<>();
        forEachOperation((path, method, op) -> {
            assertThat(ids.add(op.path("operationId").asText())).as("operationId of %s %s unique", method, path).isTrue();
            assertThat(op.path("summary").asText()).as("summary of %s %s", method, path).isNotBlank();
            assertThat(op.path("responses").path("default").path("content").has("application/problem+json")).isTrue();
            Iterator<String> codes = op.path("responses").fieldNames();
            assertThat(codes.next()).matches("2\\d\\d");
        });
    }

    @Test
    void everySchemaReferenceResolves() {
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as("%s resolves", ref).isTrue();
        });
    }

    @Test
    void onlyLoginHealthAndTheDocumentNeedNoCredentials() {
        List<String> open = new ArrayList<>();
        forEachOperation((path, method, op) -> {
            if (op.path("security").isArray() && op.path("security").isEmpty()) {
                open.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        });

        assertThat(open).containsExactlyInAnyOrder("POST /api/v1/auth/login", "GET /health", "GET /api/openapi.json");
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationIsServed() {
        List<DynamicTest> tests = new ArrayList<>();
        forEachOperation((path, method, op) -> tests.add(DynamicTest.dynamicTest(method + " " + path, () -> {
            // a session of its own: logout and token revocation must not disturb the other calls
            ApiClient admin = server.session("admin");
            String body = switch (method + " " + path) {
                case "post /api/v1/auth/login" -> server.careLoop().json().writeValueAsString(
                        Map.of("username", "admin", "password", TestServer.PASSWORD));
                default -> op.has("requestBody") ? "{}" : null;
            };
            Response r = admin.send(method.toUpperCase(Locale.ROOT), RoutePaths.fill(path, this::sample), body, Map.of());
            assertThat(r.status()).as("%s", r).isNotIn(404, 405);
        })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> noUndocumentedMethodIsServedOnADocumentedPath() {
        List<DynamicTest> tests = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> {
            for (String method : METHODS) {
                if (!p.getValue().has(method)) {
                    tests.add(DynamicTest.dynamicTest(method + " " + p.getKey(), () -> {
                        Response r = server.session("admin").send(method.toUpperCase(Locale.ROOT),
                                RoutePaths.fill(p.getKey(), this::sample), "{}", Map.of());
                        assertThat(r.status()).as("%s", r).isIn(404, 405);
                    }));
                }
            }
        });
        return tests.stream();
    }

    /** A value for a path parameter that names something that exists, so a 404 can only come from the router. */
    private String sample(String path, String param) {
        if (param.equals("number")) {
            return ticketNumber;
        }
        if (param.equals("attachmentId")) {
            return attachmentId;
        }
        if (param.equals("id") && path.startsWith("/api/v1/customers/")) {
            return customerId;
        }
        if (param.equals("id") && path.startsWith("/api/v1/auth/tokens/")) {
            return tokenId;
        }
        if (param.equals("id") && path.startsWith("/api/v1/plugins/")) {
            return "example";
        }
        if (param.equals("runId")) {
            return runId;
        }
        if (param.equals("step") && path.contains("/adverse-event/")) {
            return "assess";
        }
        if (param.equals("step") && path.contains("/quality/")) {
            return "investigate";
        }
        if (param.equals("key") && path.startsWith("/api/v1/processes/")) {
            return "ticket-lifecycle";
        }
        if (param.equals("batchId")) {
            return batchId;
        }
        if (param.equals("id") && path.startsWith("/api/v1/incidents/")) {
            return incidentId;
        }
        if (param.equals("id") && path.startsWith("/api/v1/capas/")) {
            return capaNumber;
        }
        if (param.equals("queue") && path.startsWith("/api/v1/queue-calendars/")) {
            return "service-desk";
        }
        if (param.equals("id") && path.startsWith("/api/v1/reports/schedules/")) {
            return scheduleId;
        }
        if (param.equals("code") && path.startsWith("/api/v1/calendars/")) {
            return "cn-office";
        }
        throw new AssertionError("no sample value for {" + param + "} in " + path + ": add one to OpenApiDocumentTest.sample");
    }

    private List<String> documented() {
        List<String> out = new ArrayList<>();
        forEachOperation((path, method, op) -> out.add(method.toUpperCase(Locale.ROOT) + " " + path));
        return out;
    }

    private void forEachOperation(Operation visit) {
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            try {
                visit.accept(p.getKey(), m.getKey(), m.getValue());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) {
                    out.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, out));
        }
    }

    @FunctionalInterface
    private interface Operation {
        void accept(String path, String method, JsonNode op) throws Exception;
    }

}
