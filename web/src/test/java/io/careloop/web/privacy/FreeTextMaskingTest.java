package io.careloop.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Identifiers written into free text (docs/security.md, "Masking"): an agent sees resident ID,
 * passport and phone numbers and e-mail addresses in a ticket's subject, description and timeline
 * masked; specialists, supervisors and admins see them as written; the stored text is unchanged.
 * And the customer directory's search matches contact data (and a patient's name) only for readers
 * who see them unmasked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeTextMaskingTest {

    private static final String ID = "11010519491231002X";
    private static final String TEXT = "Patient ID " + ID + ", passport E12345678, call 13812345678 or "
            + "wang.xm@example.cn; lot L2024-17, 3 tablets";
    private TestServer server;
    private String number;
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
        ApiClient boss = server.session("boss");
        Response r = boss.post("/api/v1/tickets", Map.of("subject", "Call back 13812345678", "description", TEXT,
                "channel", "phone", "category", "service-process", "severity", "low", "customer", Map.of("type", "patient",
                        "tier", "C", "name", "王小明", "email", "wang.xm@example.cn", "phone", "13812345678")));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        number = r.json().path("number").asText();
        patient = r.json().path("customerId").asText();
        assertThat(boss.post("/api/v1/tickets/" + number + "/notes", Map.of("body", "her son: 440304198001011239"))
                .status()).isEqualTo(201);
        Response d = boss.post("/api/v1/tickets", Map.of("subject", "Rash", "description", "after the second dose",
                "channel", "phone", "category", "adverse-event", "severity", "medium", "customer", Map.of("type", "doctor",
                        "tier", "B", "name", "Dr. Li Na", "email", "li.na@pumch.example", "phone", "+86 10 6915 0000")));
        assertThat(d.status()).as("%s", d).isEqualTo(201);
        doctor = d.json().path("customerId").asText();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAgentSeesIdentifiersInTheTicketsTextsMasked() {
        JsonNode t = ticket("desk.agent");

        assertThat(t.path("description").asText()).isEqualTo("Patient ID **************002X, passport ******678, "
                + "call *******5678 or w***@example.cn; lot L2024-17, 3 tablets");
        assertThat(t.path("subject").asText()).isEqualTo("Call back *******5678");
        assertThat(timelineBodies(t)).contains("her son: **************1239").noneMatch(b -> b.contains("440304198001011239"));
        // the customer block is the customer's own fields, in scope: unmasked
        assertThat(t.path("customer").path("phone").asText()).isEqualTo("13812345678");

        JsonNode page = server.session("desk.agent").get("/api/v1/tickets?queue=service-desk").json();
        assertThat(page.toString()).doesNotContain(ID).doesNotContain("13812345678").doesNotContain("wang.xm@example.cn");
    }

    @Test
    void specialistsSupervisorsAndAdminsSeeTheTextsAsWritten() {
        for (String user : List.of("boss", "root")) {
            JsonNode t = ticket(user);
            assertThat(t.path("description").asText()).as(user).isEqualTo(TEXT);
            assertThat(timelineBodies(t)).as(user).contains("her son: 440304198001011239");
        }
        // a specialist reads regulated cases (this service ticket is outside their scope): as written
        Response pv = server.session("boss").post("/api/v1/tickets", Map.of("subject", "Reporter 13900001111",
                "description", "reported by 13900001111", "channel", "phone", "category", "adverse-event",
                "severity", "medium"));
        String regulated = pv.json().path("number").asText();
        assertThat(server.session("spec").get("/api/v1/tickets/" + regulated).json().path("description").asText())
                .isEqualTo("reported by 13900001111");
    }

    @Test
    void theStoredTextStaysAsWritten() {
        ticket("desk.agent");

        assertThat(Rows.string(server.careLoop(), "SELECT description FROM ticket WHERE number = ?", number)).isEqualTo(TEXT);
    }

    @Test
    void searchMatchesContactDataOnlyForReadersWhoSeeItUnmasked() {
        assertThat(search("desk.agent", "13812345678")).containsExactly(patient);
        assertThat(search("desk.agent", "wang.xm@")).containsExactly(patient);
        assertThat(search("boss", "13812345678")).containsExactly(patient);
        // outside scope: probing a phone, an address or a patient's name finds nobody
        assertThat(search("other.agent", "13812345678")).isEmpty();
        assertThat(search("other.agent", "wang.xm@")).isEmpty();
        assertThat(search("other.agent", "王小明")).isEmpty();
        assertThat(search("other.agent", "li.na@pumch")).isEmpty();
        // a professional's name stays searchable for everyone; their contact data for the regulated roles
        assertThat(search("other.agent", "Li Na")).containsExactly(doctor);
        assertThat(search("spec", "li.na@pumch")).containsExactly(doctor);
        assertThat(search("spec", "13812345678")).isEmpty();
    }

    private List<String> search(String user, String q) {
        Response r = server.session(user).get(ApiClient.query("/api/v1/customers", "q", q));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("items").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private JsonNode ticket(String user) {
        Response r = server.session(user).get("/api/v1/tickets/" + number);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static List<String> timelineBodies(JsonNode t) {
        List<String> out = new ArrayList<>();
        t.path("timeline").forEach(e -> out.add(e.path("body").asText()));
        return out;
    }
}
