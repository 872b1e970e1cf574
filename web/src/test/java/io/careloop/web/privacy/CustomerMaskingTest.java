package io.careloop.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Masking of docs/security.md, per role over HTTP: contact data (and a patient's name) of a customer
 * whose tickets are outside the reader's data scope is masked; in scope, and for supervisors and
 * admins, it is not; a masked value sent back on an update keeps the stored one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerMaskingTest {

    private TestServer server;
    private String patient;
    private String doctor;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service-desk");
        server.team("medical", "medical-affairs");
        server.user("desk.agent", Role.AGENT, "desk");
        server.user("other.agent", Role.AGENT, "medical");
        server.user("spec", Role.SPECIALIST);
        server.user("boss", Role.SUPERVISOR);
        server.user("root", Role.ADMIN);
        server.user("integrator", Role.INTEGRATOR);
        ApiClient boss = server.session("boss");
        patient = ticketFor(boss, "service-process", "low", Map.of("type", "patient", "name", "王小明",
                "email", "wang.xm@example.cn", "phone", "13812345678"));
        doctor = ticketFor(boss, "adverse-event", "medium", Map.of("type", "doctor", "name", "Dr. Li Na",
                "organisation", "Peking Union Hospital", "email", "li.na@pumch.example", "phone", "+86 10 6915 0000"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAgentOfTheTeamWorkingTheCustomersTicketSeesTheirContactData() {
        JsonNode c = read("desk.agent", patient);

        assertThat(c.path("phone").asText()).isEqualTo("13812345678");
        assertThat(c.path("email").asText()).isEqualTo("wang.xm@example.cn");
        assertThat(c.path("name").asText()).isEqualTo("王小明");
        assertThat(c.path("masked")).isEmpty();
    }

    @Test
    void anAgentOutsideTheOwningTeamSeesContactDataAndAPatientsNameMasked() {
        JsonNode c = read("other.agent", patient);

        assertThat(c.path("phone").asText()).isEqualTo("*******5678");
        assertThat(c.path("email").asText()).isEqualTo("w***@example.cn");
        assertThat(c.path("name").asText()).isEqualTo("王*");
        assertThat(texts(c.path("masked"))).containsExactlyInAnyOrder("name", "email", "phone");
    }

    @Test
    void aProfessionalsNameStaysVisibleOutsideScopeButTheirContactDataDoesNot() {
        JsonNode c = read("other.agent", doctor);

        assertThat(c.path("name").asText()).isEqualTo("Dr. Li Na");
        assertThat(c.path("organisation").asText()).isEqualTo("Peking Union Hospital");
        assertThat(c.path("email").asText()).isEqualTo("l***@pumch.example");
        assertThat(texts(c.path("masked"))).containsExactlyInAnyOrder("email", "phone");
    }

    @Test
    void aSpecialistSeesTheReporterOfARegulatedCaseButNotOtherCustomers() {
        assertThat(read("spec", doctor).path("phone").asText()).isEqualTo("+86 10 6915 0000");
        assertThat(read("spec", patient).path("phone").asText()).isEqualTo("*******5678");
    }

    @Test
    void supervisorsAndAdminsSeeEveryCustomerUnmasked() {
        for (String user : List.of("boss", "root")) {
            assertThat(read(user, patient).path("phone").asText()).as(user).isEqualTo("13812345678");
            assertThat(read(user, doctor).path("masked")).as(user).isEmpty();
        }
    }

    @Test
    void theDirectoryListMasksRowByRow() {
        Response r = server.session("desk.agent").get("/api/v1/customers?limit=200");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        r.json().path("items").forEach(n -> byId.put(n.path("id").asText(), n));

        assertThat(byId.get(patient).path("phone").asText()).isEqualTo("13812345678");
        assertThat(byId.get(doctor).path("phone").asText()).isEqualTo("************0000");
    }

    @Test
    void anIntegratorReadsNoCustomer() {
        Problems.assertProblem(server.session("integrator").get("/api/v1/customers/" + patient), 403);
    }

    @Test
    void aMaskedValueSentBackOnAnUpdateKeepsTheStoredOne() {
        ApiClient other = server.session("other.agent");
        JsonNode seen = read("other.agent", patient);
        Map<String, Object> back = new HashMap<>();
        seen.fields().forEachRemaining(f -> {
            if (List.of("type", "name", "organisation", "department", "email", "phone", "owningRep", "version")
                    .contains(f.getKey()) && !f.getValue().isNull()) {
                back.put(f.getKey(), f.getValue().isNumber() ? f.getValue().asInt() : f.getValue().asText());
            }
        });
        back.put("tier", "A");

        Response r = other.send("PUT", "/api/v1/customers/" + patient, back, Map.of());

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().path("phone").asText()).isEqualTo("*******5678");
        JsonNode stored = read("boss", patient);
        assertThat(stored.path("tier").asText()).isEqualTo("A");
        assertThat(stored.path("phone").asText()).isEqualTo("13812345678");
        assertThat(stored.path("email").asText()).isEqualTo("wang.xm@example.cn");
        assertThat(stored.path("name").asText()).isEqualTo("王小明");
    }

    private JsonNode read(String user, String customerId) {
        Response r = server.session(user).get("/api/v1/customers/" + customerId);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static String ticketFor(ApiClient client, String category, String severity, Map<String, Object> customer) {
        Map<String, Object> c = new HashMap<>(customer);
        c.put("tier", "B");
        Response r = client.post("/api/v1/tickets", Map.of("subject", "Case " + category, "description", "details",
                "channel", "phone", "category", category, "severity", severity, "customer", c));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("customerId").asText();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
