package io.careloop.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.AuditVerify;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GET /api/v1/audit/verify and the command line find a row edited with SQL, on H2 and PostgreSQL;
 * reads of a ticket and of a customer leave an audit event naming the reader.
 */
class AuditVerifyTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabases.Kind.class)
    void theApiAndTheCommandLineNameTheRowEditedBehindCareLoopsBack(TestDatabases.Kind db) {
        try (TestServer server = TestServer.start(db, "AuditVerifyTest")) {
            server.user("boss", Role.SUPERVISOR);
            ApiClient boss = server.session("boss");
            for (int i = 0; i < 3; i++) {
                assertThat(boss.post("/api/v1/tickets", Map.of("subject", "Audit " + i, "channel", "web")).status()).isEqualTo(201);
            }

            JsonNode whole = boss.get("/api/v1/audit/verify").json();
            assertThat(whole.path("ok").asBoolean()).as("%s", whole).isTrue();
            assertThat(whole.path("firstBroken").isNull()).isTrue();
            assertThat(whole.path("checked").asLong()).isEqualTo(Rows.total(server.careLoop(), "audit_event"));
            assertThat(command(server).output()).startsWith("audit chain OK");
            assertThat(command(server).exitCode()).isZero();

            long seq = Long.parseLong(Rows.string(server.careLoop(),
                    "SELECT MIN(chain_seq) FROM audit_event WHERE action = 'ticket.created'"));
            long id = Long.parseLong(Rows.string(server.careLoop(), "SELECT id FROM audit_event WHERE chain_seq = ?", seq));
            execute(server, "UPDATE audit_event SET after_state = '{\"subject\":\"something else\"}' WHERE id = " + id);

            Response broken = boss.get("/api/v1/audit/verify");
            assertThat(broken.status()).isEqualTo(200);
            assertThat(broken.json().path("ok").asBoolean()).isFalse();
            assertThat(broken.json().path("firstBroken").path("seq").asLong()).isEqualTo(seq);
            assertThat(broken.json().path("firstBroken").path("eventId").asLong()).isEqualTo(id);
            Command cli = command(server);
            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.output()).contains("BROKEN at place " + seq + " (event " + id + ")");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = TestDatabases.Kind.class, names = "H2")
    void readingATicketOrACustomerIsAudited(TestDatabases.Kind db) {
        try (TestServer server = TestServer.start(db, "AuditReadsTest")) {
            server.user("boss", Role.SUPERVISOR);
            ApiClient boss = server.session("boss");
            Response created = boss.post("/api/v1/tickets", Map.of("subject", "Who read me", "channel", "web",
                    "customer", Map.of("type", "patient", "name", "张三", "phone", "13800000000")));
            String number = created.json().path("number").asText();
            long customer = created.json().path("customerId").asLong();

            assertThat(boss.get("/api/v1/tickets/" + number).status()).isEqualTo(200);
            assertThat(boss.get("/api/v1/customers/" + customer).status()).isEqualTo(200);
            assertThat(boss.get("/api/v1/tickets/CL-2026-999999").status()).isEqualTo(404);

            assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE action = 'ticket.read' "
                    + "AND entity_type = 'access' AND entity_id = ? AND actor = 'boss'", "ticket/" + number)).isEqualTo(1);
            assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE action = 'customer.read' "
                    + "AND entity_id = ? AND actor = 'boss'", "customer/" + customer)).isEqualTo(1);
            assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE entity_id = ?",
                    "ticket/CL-2026-999999")).isZero();
            // reads stay out of the ticket's own timeline
            assertThat(boss.get("/api/v1/tickets/" + number).json().path("timeline").toString()).doesNotContain("ticket.read");
        }
    }

    private record Command(int exitCode, String output) {
    }

    private static Command command(TestServer server) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = AuditVerify.run(server.careLoop().settings(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Command(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private static void execute(TestServer server, String sql) {
        try (Connection c = server.careLoop().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
