package io.careloop.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.testing.TextScan;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Erasure of a person (docs/security.md, "Erasure"): the customer is pseudonymised, their ordinary
 * tickets lose their texts, their regulated record keeps its narrative with their identifiers
 * replaced, the audit trail no longer holds their data and still verifies. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ErasureTest {

    private TestServer server;
    private ApiClient boss;
    private ApiClient root;

    abstract TestDatabases.Kind kind();

    @BeforeAll
    void start() {
        server = TestServer.start(kind(), getClass().getSimpleName());
        server.user("boss", Role.SUPERVISOR);
        server.user("root", Role.ADMIN);
        boss = server.session("boss");
        root = server.session("root");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void erasurePseudonymisesThePersonAndKeepsTheirRegulatedRecord() {
        String customer = customer("Zhang Wei", "zhang.wei@example.cn", "13900001111");
        String ordinary = ticket(customer, "service-process", "low", "Zhang Wei asks about his delivery",
                "Call Zhang Wei back on 13900001111");
        assertThat(boss.post("/api/v1/tickets/" + ordinary + "/replies", Map.of("body", "Dear Zhang Wei, it ships today."))
                .status()).isEqualTo(201);
        String regulated = ticket(customer, "adverse-event", "medium", "Rash after the third dose",
                "Patient Zhang Wei (zhang.wei@example.cn) had a rash after the third dose of lot L-17.");
        assertThat(boss.get("/api/v1/customers/" + customer).status()).isEqualTo(200);

        Response erased = root.post("/api/v1/customers/" + customer + "/erase", Map.of("reason", "PIPL request #42"));

        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        String pseudonym = erased.json().path("pseudonym").asText();
        assertThat(pseudonym).startsWith("pseudonym-");
        assertThat(erased.json().path("ticketsErased").toString()).contains(ordinary);
        assertThat(erased.json().path("regulatedKept").toString()).contains(regulated);
        assertThat(erased.json().path("auditEventsRedacted").asInt()).isPositive();

        JsonNode c = boss.get("/api/v1/customers/" + customer).json();
        assertThat(c.path("name").asText()).isEqualTo(pseudonym);
        assertThat(c.path("email").isNull()).isTrue();
        assertThat(c.path("phone").isNull()).isTrue();

        JsonNode t1 = boss.get("/api/v1/tickets/" + ordinary).json();
        assertThat(t1.path("subject").asText()).isEqualTo("[erased]");
        assertThat(t1.path("description").asText()).isEmpty();
        assertThat(t1.path("category").asText()).isEqualTo("service-process");

        JsonNode t2 = boss.get("/api/v1/tickets/" + regulated).json();
        assertThat(t2.path("category").asText()).isEqualTo("adverse-event");
        assertThat(t2.path("description").asText())
                .isEqualTo("Patient " + pseudonym + " (" + pseudonym + ") had a rash after the third dose of lot L-17.");

        for (String identifier : new String[] {"Zhang Wei", "zhang.wei@example.cn", "13900001111"}) {
            assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM interaction WHERE body LIKE ?", "%" + identifier + "%"))
                    .as("interactions naming %s", identifier).isZero();
            assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE before_state LIKE ? "
                    + "OR after_state LIKE ? OR reason LIKE ?", "%" + identifier + "%", "%" + identifier + "%",
                    "%" + identifier + "%")).as("audit events naming %s", identifier).isZero();
            assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM ticket WHERE subject LIKE ? OR description LIKE ?",
                    "%" + identifier + "%", "%" + identifier + "%")).as("tickets naming %s", identifier).isZero();
        }
        assertThat(Rows.string(server.careLoop(), "SELECT reason FROM audit_event WHERE action = 'customer.erased' "
                + "AND entity_id = ?", customer)).isEqualTo("PIPL request #42");
        JsonNode verified = boss.get("/api/v1/audit/verify").json();
        assertThat(verified.path("ok").asBoolean()).as("%s", verified).isTrue();

        Problems.assertProblem(root.post("/api/v1/customers/" + customer + "/erase", Map.of("reason", "again")), 409);
    }

    @Test
    void afterErasureNoTableOfTheDatabaseHoldsThePersonsNamePhoneOrEmail() {
        List<String> identifiers = List.of("Qian Duoduo", "qian.duoduo@example.cn", "13988887777");
        String customer = customer(identifiers.get(0), identifiers.get(1), identifiers.get(2));
        ApiClient surveyTool = server.client().withToken(server.tokenFor("survey-tool", Role.INTEGRATOR));
        // an ordinary ticket through its whole loop: replies, notes, resolution, survey comment, follow-up call
        Response opened = boss.post("/api/v1/tickets", Map.of("subject", "Qian Duoduo: order late",
                "description", "Qian Duoduo (13988887777, qian.duoduo@example.cn) waits for her order", "channel", "phone",
                "category", "service-process", "severity", "low", "customerId", Long.parseLong(customer)),
                Map.of("Idempotency-Key", "call-13988887777-1"));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        String ordinary = opened.json().path("number").asText();
        assertThat(boss.post("/api/v1/tickets/" + ordinary + "/notes", Map.of("body", "Qian Duoduo prefers 13988887777"))
                .status()).isEqualTo(201);
        Response resolved = boss.post("/api/v1/tickets/" + ordinary + "/resolve",
                Map.of("resolution", "Dear Qian Duoduo, re-shipped today."));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        Response survey = surveyTool.post("/api/v1/tickets/" + ordinary + "/survey-responses", Map.of("csat", 1, "nps", 2,
                "comment", "Qian Duoduo here, call 13988887777", "sourceKey", "wjx-qian.duoduo@example.cn"));
        assertThat(survey.status()).as("%s", survey).isEqualTo(201);
        Response followUp = boss.post("/api/v1/tickets/" + ordinary + "/follow-up",
                Map.of("note", "called Qian Duoduo on 13988887777"));
        assertThat(followUp.status()).as("%s", followUp).isEqualTo(200);
        // a regulated record, worked by pharmacovigilance with free-form case values
        String regulated = ticket(customer, "adverse-event", "medium", "Rash, reported by Qian Duoduo",
                "Patient Qian Duoduo (qian.duoduo@example.cn) had a rash.");
        Response reviewed = boss.post("/api/v1/tickets/" + regulated + "/pv-review", Map.of("outcome", "confirmed"));
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);
        Response assessed = boss.post("/api/v1/tickets/" + regulated + "/adverse-event/assess", Map.of("seriousness", "other",
                "market", "CN", "causality", "possible", "reporter", "Qian Duoduo, 13988887777"));
        assertThat(assessed.status()).as("%s", assessed).isEqualTo(200);
        Response followedUp = boss.post("/api/v1/tickets/" + regulated + "/adverse-event/follow-up",
                Map.of("followUpNote", "reached Qian Duoduo at qian.duoduo@example.cn", "patientIdentifiable", true));
        assertThat(followedUp.status()).as("%s", followedUp).isEqualTo(200);
        assertThat(TextScan.find(server.careLoop(), identifiers)).as("before erasure").isNotEmpty();

        Response erased = root.post("/api/v1/customers/" + customer + "/erase", Map.of("reason", "PIPL request #43"));

        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        assertThat(TextScan.find(server.careLoop(), identifiers)).as("every text and byte column").isEmpty();
        assertThat(boss.get("/api/v1/audit/verify").json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void theAccessExportShowsWhatCamundaHoldsAndTheListsThatShowedThemAndErasureRewritesTheSame() {
        String customer = customer("Wu Fang", "wu.fang@example.cn", "13900005555");
        String regulated = ticket(customer, "adverse-event", "medium", "Dizziness", "Patient reports dizziness.");
        assertThat(boss.post("/api/v1/tickets/" + regulated + "/pv-review", Map.of("outcome", "confirmed")).status())
                .isEqualTo(200);
        Response assessed = boss.post("/api/v1/tickets/" + regulated + "/adverse-event/assess", Map.of("seriousness",
                "other", "market", "CN", "causality", "possible", "reporter", "Wu Fang, 13900005555"));
        assertThat(assessed.status()).as("%s", assessed).isEqualTo(200);
        assertThat(boss.get(ApiClient.query("/api/v1/tickets", "customer", customer)).status()).isEqualTo(200);

        JsonNode ticket = exportedTicket(customer, regulated);

        JsonNode caseValues = process(ticket, "adverse-event-case");
        assertThat(caseValues.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(variable(caseValues, "reporter")).isEqualTo("Wu Fang, 13900005555");
        assertThat(variable(caseValues, "ticketNumber")).isEqualTo(regulated);
        assertThat(process(ticket, "ticket-lifecycle").path("id").asText()).isNotEmpty();
        List<String> reads = new java.util.ArrayList<>();
        boss.get("/api/v1/customers/" + customer + "/export").json().path("audit")
                .forEach(a -> reads.add(a.path("action").asText() + " " + a.path("after").path("ids")));
        assertThat(reads).anySatisfy(r -> assertThat(r).startsWith("ticket-list.read").contains(regulated));

        Response erased = root.post("/api/v1/customers/" + customer + "/erase", Map.of("reason", "PIPL request #44"));
        assertThat(erased.status()).as("%s", erased).isEqualTo(200);

        String pseudonym = erased.json().path("pseudonym").asText();
        assertThat(variable(process(exportedTicket(customer, regulated), "adverse-event-case"), "reporter"))
                .isEqualTo(pseudonym + ", " + pseudonym);
    }

    private JsonNode exportedTicket(String customer, String number) {
        Response r = boss.get("/api/v1/customers/" + customer + "/export");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        for (JsonNode t : r.json().path("tickets")) {
            if (t.path("number").asText().equals(number)) {
                return t;
            }
        }
        throw new AssertionError("ticket " + number + " not in the export: " + r.body());
    }

    private static JsonNode process(JsonNode ticket, String key) {
        for (JsonNode p : ticket.path("processes")) {
            if (p.path("processKey").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError("no " + key + " process in " + ticket.path("processes"));
    }

    private static String variable(JsonNode process, String name) {
        for (JsonNode v : process.path("variables")) {
            if (v.path("name").asText().equals(name)) {
                return v.path("value").asText();
            }
        }
        throw new AssertionError("no variable " + name + " in " + process.path("variables"));
    }

    @Test
    void erasureNeedsAReasonAndChangesNothingWithout() {
        String customer = customer("Liu Yang", "liu.yang@example.cn", "13900002222");

        JsonNode problem = Problems.assertProblem(root.post("/api/v1/customers/" + customer + "/erase", Map.of()), 422);

        assertThat(problem.path("field").asText()).isEqualTo("reason");
        assertThat(boss.get("/api/v1/customers/" + customer).json().path("email").asText()).isEqualTo("liu.yang@example.cn");
    }

    @Test
    void onlyAnAdminErases() {
        String customer = customer("Chen Jie", null, "13900003333");

        Problems.assertProblem(boss.post("/api/v1/customers/" + customer + "/erase", Map.of("reason", "request")), 403);
        Problems.assertProblem(root.post("/api/v1/customers/999999/erase", Map.of("reason", "request")), 404);
    }

    @Test
    void aRedactionNoErasureRecordedBreaksTheChain() throws SQLException {
        String customer = customer("Zhao Min", "zhao.min@example.cn", "13900004444");
        ticket(customer, "service-process", "low", "Zhao Min: invoice", "Invoice copy for Zhao Min");
        Response erased = root.post("/api/v1/customers/" + customer + "/erase", Map.of("reason", "request #7"));
        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        assertThat(boss.get("/api/v1/audit/verify").json().path("ok").asBoolean()).isTrue();
        long erasure = Rows.count(server.careLoop(), "SELECT MAX(id) FROM audit_event WHERE action = 'customer.erased'");
        long victim = Rows.count(server.careLoop(), "SELECT MIN(id) FROM audit_event WHERE action = 'user.created'");

        String original = Rows.string(server.careLoop(), "SELECT after_state FROM audit_event WHERE id = ?", victim);

        // someone rewrites an event nobody erased and claims the erasure did it
        execute("UPDATE audit_event SET after_state = ?, redacted_by = " + erasure + " WHERE id = " + victim, "{}");

        JsonNode verified = boss.get("/api/v1/audit/verify").json();
        assertThat(verified.path("ok").asBoolean()).isFalse();
        assertThat(verified.path("firstBroken").path("eventId").asLong()).isEqualTo(victim);
        execute("UPDATE audit_event SET redacted_by = NULL WHERE id = " + victim);
        // and without the claim, the rewritten text no longer gives its digest
        JsonNode again = boss.get("/api/v1/audit/verify").json();
        assertThat(again.path("ok").asBoolean()).isFalse();
        assertThat(again.path("firstBroken").path("eventId").asLong()).isEqualTo(victim);

        // put it back: the other tests of the class verify the same chain
        execute("UPDATE audit_event SET after_state = ? WHERE id = " + victim, original);
        assertThat(boss.get("/api/v1/audit/verify").json().path("ok").asBoolean()).isTrue();
    }

    private void execute(String sql, String... params) throws SQLException {
        try (Connection c = server.careLoop().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private String customer(String name, String email, String phone) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "patient", "tier", "C", "name", name, "phone", phone));
        if (email != null) {
            body.put("email", email);
        }
        Response r = boss.post("/api/v1/customers", body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private String ticket(String customerId, String category, String severity, String subject, String description) {
        Response r = boss.post("/api/v1/tickets", Map.of("subject", subject, "description", description, "channel", "phone",
                "category", category, "severity", severity, "customerId", Long.parseLong(customerId)));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("number").asText();
    }
}
