package io.careloop.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.audit.AuditEvent;
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

/** The weekly report's schedules over HTTP: who may edit them, what a bad one answers, versions, the audit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportScheduleApiTest {

    private static final String BASE = "/api/v1/reports/schedules";
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("desk", "service");
        server.user("zhou.supervisor", Role.SUPERVISOR, "desk");
        server.user("wu.agent", Role.AGENT, "desk");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, Object> weekly() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "服务台周报");
        m.put("dayOfWeek", 1);
        m.put("time", "08:30");
        m.put("timeZone", "Asia/Shanghai");
        m.put("recipients", List.of("wang.manager@pharma.example.cn", "qa@pharma.example.cn"));
        m.put("queue", "service");
        m.put("tier", "vip");
        return m;
    }

    @Test
    void aSupervisorSchedulesAWeeklyReportAndChangesIt() {
        ApiClient zhou = server.session("zhou.supervisor");
        Response created = zhou.post(BASE, weekly());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode s = created.json();
        assertThat(s.path("recipients")).hasSize(2);
        assertThat(s.path("filters").path("queue").asText()).isEqualTo("service");
        assertThat(s.path("filters").path("tier").asText()).isEqualTo("VIP");
        assertThat(s.path("enabled").asBoolean()).isTrue();
        String id = s.path("id").asText();

        assertThat(zhou.get(BASE).json().path("items").findValuesAsText("id")).contains(id);
        Map<String, Object> change = weekly();
        change.put("time", "09:00");
        change.put("enabled", false);
        change.put("version", 1);
        Response changed = zhou.send("PUT", BASE + "/" + id, change, Map.of());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("time").asText()).isEqualTo("09:00");
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        // a second change at the old version is refused
        assertThat(zhou.send("PUT", BASE + "/" + id, change, Map.of()).status()).isEqualTo(409);
        assertThat(zhou.get(BASE + "/" + id + "/deliveries").json().path("items")).isEmpty();
        List<AuditEvent> events = server.careLoop().transactions()
                .read(x -> server.careLoop().audit().forEntity(x, "report-schedule", id));
        assertThat(events).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("report-schedule.created by zhou.supervisor", "report-schedule.updated by zhou.supervisor");
    }

    @Test
    void aBadScheduleIsA400NamingTheField() {
        ApiClient zhou = server.session("zhou.supervisor");
        Map<String, Object> bad = weekly();
        bad.put("dayOfWeek", 8);
        Problems.assertInvalid(zhou.post(BASE, bad), "dayOfWeek");
        bad = weekly();
        bad.put("time", "8:30");
        Problems.assertInvalid(zhou.post(BASE, bad), "time");
        bad = weekly();
        bad.put("timeZone", "China/Beijing");
        Problems.assertInvalid(zhou.post(BASE, bad), "timeZone");
        bad = weekly();
        bad.put("recipients", List.of("not-an-address"));
        Problems.assertInvalid(zhou.post(BASE, bad), "recipients");
        bad = weekly();
        bad.put("tier", "gold");
        Problems.assertInvalid(zhou.post(BASE, bad), "tier");
        Problems.assertProblem(zhou.get(BASE + "/999999"), 404);
    }

    @Test
    void agentsMayNotSeeOrEditSchedules() {
        ApiClient wu = server.session("wu.agent");
        assertThat(wu.get(BASE).status()).isEqualTo(403);
        assertThat(wu.post(BASE, weekly()).status()).isEqualTo(403);
    }
}
