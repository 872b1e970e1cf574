package io.careloop.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route that answers a patient's or customer's personal data (docs/security.md, "Where personal
 * data leaves the server") masks it by the reader's role and scope, from the one matrix: an agent
 * gets identifiers in texts masked (and a customer outside their scope masked), an integrator gets a
 * 403 (they read no ticket, customer or report), specialists, supervisors and admins get them clear
 * where they may read at all. And list pages and exports write one read audit event per request.
 * Quarantined raw input (integrators see it masked) is covered in PluginApiTest, live events (which
 * carry no text) in LiveEventsTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataEverywhereTest {

    private static final String ID = "11010519491231002X";
    private static final String PHONE = "13812345678";
    private static final String MAIL = "wang.xm@example.cn";
    private static final List<String> CLEAR = List.of(ID, PHONE, MAIL);
    private static final List<String> MASKS = List.of("**************002X", "*******5678", "w***@example.cn");

    /** What one user gets from one route. */
    enum Sees { CLEAR, MASKED, ABSENT, FORBIDDEN }

    private static final List<String> USERS = List.of("q.agent", "desk.agent", "spec", "boss", "root", "int");

    private TestServer server;
    private String complaint;
    private String patient;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("qt", "quality");
        server.team("desk", "service-desk");
        server.user("q.agent", Role.AGENT, "qt");
        server.user("desk.agent", Role.AGENT, "desk");
        server.user("spec", Role.SPECIALIST);
        server.user("boss", Role.SUPERVISOR);
        server.user("root", Role.ADMIN);
        server.user("int", Role.INTEGRATOR);
        ApiClient agent = server.session("q.agent");
        Response r = agent.post("/api/v1/tickets", Map.of("subject", "Damaged box, call " + PHONE,
                "description", "Patient ID " + ID + ", write to " + MAIL, "channel", "phone",
                "category", "product-quality", "severity", "medium", "customer", Map.of("type", "patient", "tier", "C",
                        "name", "王小明", "email", MAIL, "phone", PHONE)));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        complaint = r.json().path("number").asText();
        patient = r.json().path("customerId").asText();
        Response details = agent.send("PUT", "/api/v1/tickets/" + complaint + "/quality", Map.of("product",
                "Amlodipine 5 mg", "lot", "AM-88", "sampleRequested", false, "reason", "customer's call"), Map.of());
        assertThat(details.status()).as("%s", details).isEqualTo(200);
        Response investigated = server.session("spec").post("/api/v1/tickets/" + complaint + "/quality/investigate",
                Map.of("findings", "reporter " + PHONE + " confirmed the cracked blister", "rootCause",
                        "patient " + ID + " got a pack from line 2", "confirmed", true, "reason", "QC-7"));
        assertThat(investigated.status()).as("%s", investigated).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theQueueListMasksTheTextsForAgents() {
        check("/api/v1/tickets?category=product-quality", body -> body.path("items").toString(),
                Sees.MASKED, Sees.ABSENT, Sees.CLEAR, Sees.CLEAR, Sees.CLEAR, Sees.FORBIDDEN);
    }

    @Test
    void theTicketViewMasksItsTextsForAgents() {
        // the customer block is the customer's own fields, shown to who has the ticket in scope (CustomerMaskingTest)
        check("/api/v1/tickets/" + complaint, body -> body.path("subject") + " " + body.path("description") + " "
                + body.path("timeline") + " " + body.path("quality"),
                Sees.MASKED, Sees.FORBIDDEN, Sees.CLEAR, Sees.CLEAR, Sees.CLEAR, Sees.FORBIDDEN);
    }

    @Test
    void theQualityComplaintViewMasksFindingsAndRootCauseForAgents() {
        check("/api/v1/tickets/" + complaint + "/quality", JsonNode::toString,
                Sees.MASKED, Sees.FORBIDDEN, Sees.CLEAR, Sees.CLEAR, Sees.CLEAR, Sees.FORBIDDEN);
        JsonNode masked = server.session("q.agent").get("/api/v1/tickets/" + complaint + "/quality").json();
        assertThat(masked.path("findings").asText()).isEqualTo("reporter *******5678 confirmed the cracked blister");
        assertThat(masked.path("lot").asText()).isEqualTo("AM-88");
    }

    @Test
    void theCustomerDirectoryMasksCustomersOutsideTheReadersScope() {
        check("/api/v1/customers?limit=200", body -> customer(body.path("items")),
                Sees.CLEAR, Sees.MASKED, Sees.CLEAR, Sees.CLEAR, Sees.CLEAR, Sees.FORBIDDEN);
        check("/api/v1/customers/" + patient, JsonNode::toString,
                Sees.CLEAR, Sees.MASKED, Sees.CLEAR, Sees.CLEAR, Sees.CLEAR, Sees.FORBIDDEN);
    }

    @Test
    void reportListsAndExportsAreForReportReadersWhoSeeTheSubjectAsTheirRoleMay() {
        String period = "from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
        check("/api/v1/reports/tickets?kpi=received&" + period, body -> body.path("items").toString(),
                Sees.FORBIDDEN, Sees.FORBIDDEN, Sees.FORBIDDEN, Sees.CLEAR, Sees.CLEAR, Sees.FORBIDDEN);
        check("/api/v1/reports/tickets.csv?" + period, null,
                Sees.FORBIDDEN, Sees.FORBIDDEN, Sees.FORBIDDEN, Sees.CLEAR, Sees.CLEAR, Sees.FORBIDDEN);
    }

    @Test
    void aListOrExportWritesOneReadEventNamingTheQueryAndWhatItAnswered() throws Exception {
        long before = reads();

        assertThat(server.session("q.agent").get("/api/v1/tickets?category=product-quality").status()).isEqualTo(200);
        assertThat(server.session("desk.agent").get(ApiClient.query("/api/v1/customers", "q", PHONE)).status())
                .isEqualTo(200);
        assertThat(server.session("boss").get("/api/v1/reports/tickets.csv?from=" + LocalDate.now().minusDays(1)
                + "&to=" + LocalDate.now().plusDays(1)).status()).isEqualTo(200);

        assertThat(reads() - before).isEqualTo(3);
        JsonNode list = lastRead("ticket-list.read", "q.agent");
        assertThat(list.path("route").asText()).isEqualTo("GET /api/v1/tickets");
        assertThat(list.path("query").path("category").asText()).isEqualTo("product-quality");
        assertThat(list.path("count").asLong()).isEqualTo(1);
        assertThat(list.path("ids").toString()).isEqualTo("[\"" + complaint + "\"]");
        // a search text is kept as its digest: the access line holds no phone number, an auditor can still match it
        JsonNode search = lastRead("customer-list.read", "desk.agent");
        assertThat(search.path("query").path("q").asText()).isEqualTo("sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(PHONE.getBytes(StandardCharsets.UTF_8))));
        assertThat(search.path("count").asLong()).isZero();
        JsonNode export = lastRead("report-tickets-export.read", "boss");
        assertThat(export.path("count").asLong()).isPositive();
        assertThat(export.path("ids").toString()).contains(complaint);
        assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'access' "
                + "AND (after_state LIKE ? OR after_state LIKE ?)", "%" + PHONE + "%", "%" + ID + "%")).isZero();
        // a single ticket's quality view is a read of that record
        String qualityReads = "SELECT COUNT(*) FROM audit_event WHERE action = 'ticket-quality.read' AND entity_id = ? "
                + "AND actor = 'spec'";
        long quality = Rows.count(server.careLoop(), qualityReads, "ticket-quality/" + complaint);
        assertThat(server.session("spec").get("/api/v1/tickets/" + complaint + "/quality").status()).isEqualTo(200);
        assertThat(Rows.count(server.careLoop(), qualityReads, "ticket-quality/" + complaint)).isEqualTo(quality + 1);
    }

    /** Calls {@code path} as each of {@link #USERS} and checks what the part {@code part} picks shows. */
    private void check(String path, Function<JsonNode, String> part, Sees... expected) {
        for (int i = 0; i < USERS.size(); i++) {
            String user = USERS.get(i);
            Response r = server.session(user).get(path);
            String what = path + " as " + user;
            if (expected[i] == Sees.FORBIDDEN) {
                assertThat(r.status()).as(what).isEqualTo(403);
                continue;
            }
            assertThat(r.status()).as("%s: %s", what, r).isEqualTo(200);
            String shown = part == null ? r.body() : part.apply(r.json());
            switch (expected[i]) {
                case CLEAR -> assertThat(shown).as(what).contains(PHONE);
                case MASKED -> {
                    assertThat(CLEAR).as(what + ": " + shown).noneMatch(shown::contains);
                    assertThat(MASKS).as(what + ": " + shown).anyMatch(shown::contains);
                }
                case ABSENT -> assertThat(shown).as(what).doesNotContain(complaint).doesNotContain(PHONE);
                default -> throw new IllegalStateException();
            }
        }
    }

    private String customer(JsonNode items) {
        for (JsonNode c : items) {
            if (c.path("id").asText().equals(patient)) {
                return c.toString();
            }
        }
        throw new AssertionError("customer " + patient + " not listed: " + items);
    }

    private long reads() {
        return Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'access' "
                + "AND entity_id LIKE 'list/%'");
    }

    private JsonNode lastRead(String action, String actor) throws Exception {
        String after = Rows.string(server.careLoop(), "SELECT after_state FROM audit_event WHERE id = (SELECT MAX(id) "
                + "FROM audit_event WHERE action = ? AND actor = ?)", action, actor);
        return server.careLoop().json().readTree(after);
    }
}
