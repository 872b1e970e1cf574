package io.careloop.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.report.ReportDataset;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Over HTTP, on the dataset of ReportServiceIT (whose expected numbers are derived there): the KPI
 * contract, the exports, the drill-down, who may call them and what a bad period answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {

    private static final String APRIL = "/api/v1/reports/kpis?from=2026-04-01&to=2026-04-30";
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName(),
                new MutableClock(Instant.parse("2026-05-10T00:00:00Z")));
        ReportDataset.load(server.careLoop());
        server.team("desk", "service");
        server.user("zhou.supervisor", Role.SUPERVISOR, "desk");
        server.user("wu.agent", Role.AGENT, "desk");
        server.user("zheng.pv", Role.SPECIALIST, "desk");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSupervisorReadsTheKpisOfAPeriod() {
        Response r = server.session("zhou.supervisor").get(APRIL);

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode k = r.json();
        assertThat(k.path("slaCompliance").path("firstResponse").path("percent").asDouble()).isEqualTo(57.14);
        assertThat(k.path("slaCompliance").path("resolution").path("percent").asDouble()).isEqualTo(66.67);
        assertThat(k.path("firstResponseTime").path("medianSeconds").asLong()).isEqualTo(2700);
        assertThat(k.path("resolutionTime").path("p90Seconds").asLong()).isEqualTo(457200);
        assertThat(k.path("csat").path("average").asDouble()).isEqualTo(3.8);
        assertThat(k.path("csat").path("distribution").path("5").asLong()).isEqualTo(2);
        assertThat(k.path("nps").path("score").asDouble()).isEqualTo(20.0);
        assertThat(k.path("backlog").path("count").asLong()).isEqualTo(4);
        assertThat(k.path("reopenRate").path("percent").asDouble()).isEqualTo(20.0);
        assertThat(k.path("resolutionRate").path("percent").asDouble()).isEqualTo(62.5);
        assertThat(k.path("volume").path("in").path("kpi").asText()).isEqualTo("received");
        // no ticket text or personal data anywhere in the numbers
        assertThat(r.body()).doesNotContain("患者", "张医生", "HYPERLINK");

        Response service = server.session("zhou.supervisor").get(APRIL + "&queue=service&tier=a");
        assertThat(service.json().path("volume").path("in").path("count").asLong()).isEqualTo(2);
        assertThat(service.json().path("period").path("filters").path("tier").asText()).isEqualTo("A");
    }

    @Test
    void aTicketWhoseAuditEventsCarryNoStateStillOpens() {
        // the dataset writes RP-03's wait and resume as audit rows without before/after state
        Response r = server.session("zhou.supervisor").get("/api/v1/tickets/RP-03");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        r.json().path("timeline").forEach(e -> actions.add(e.path("kind").asText()));
        assertThat(actions).contains("ticket.waiting", "ticket.resumed");
    }

    @Test
    void whileTheRollupIsBeingBuiltTheAnswerSaysSoAndIsStillTheSame() throws Exception {
        JsonNode built = server.session("zhou.supervisor").get(APRIL).json();
        assertThat(built.path("answeredFrom").asText()).isEqualTo("rollup");
        assertThat(built.path("rollup").path("state").asText()).isEqualTo("ready");

        // a new build begun, held by another node that is busy with it
        server.careLoop().reports().rollup().beginRebuild();
        lease("'node-elsewhere'", "TIMESTAMP WITH TIME ZONE '2099-01-01 00:00:00+00'");
        try {
            JsonNode building = server.session("zhou.supervisor").get(APRIL).json();
            assertThat(building.path("answeredFrom").asText()).isEqualTo("tickets");
            assertThat(building.path("rollup").path("state").asText()).isEqualTo("building");
            assertThat(building.path("rollup").path("daysDone").asInt()).isZero();
            assertThat(building.path("rollup").path("daysTotal").asInt()).isPositive();
            // every number the same as from the roll-up
            ((com.fasterxml.jackson.databind.node.ObjectNode) building).remove(List.of("rollup", "answeredFrom"));
            JsonNode expected = built.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove(List.of("rollup", "answeredFrom"));
            assertThat(building).isEqualTo(expected);

            Response status = server.session("zhou.supervisor").get("/api/v1/reports/rollup");
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().path("state").asText()).isEqualTo("building");
            assertThat(status.json().path("percent").asDouble()).isZero();
            assertThat(server.session("wu.agent").get("/api/v1/reports/rollup").status()).isEqualTo(403);
        } finally {
            lease("NULL", "NULL");
            server.careLoop().reports().rollup().rebuild(server.careLoop().reports().zone());
        }
        assertThat(server.session("zhou.supervisor").get(APRIL).json().path("answeredFrom").asText()).isEqualTo("rollup");
    }

    private void lease(String owner, String until) throws java.sql.SQLException {
        try (var c = server.careLoop().database().dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE kpi_state SET lease_owner = " + owner + ", lease_until = " + until);
        }
    }

    @Test
    void agentsAndSpecialistsMayNotReadReports() {
        assertThat(server.session("wu.agent").get(APRIL).status()).isEqualTo(403);
        assertThat(server.session("zheng.pv").get("/api/v1/reports/tickets.csv?from=2026-04-01&to=2026-04-30").status())
                .isEqualTo(403);
    }

    @Test
    void aBadPeriodIsA400NamingTheParameter() {
        ApiClient supervisor = server.session("zhou.supervisor");

        Problems.assertInvalid(supervisor.get("/api/v1/reports/kpis?from=2026-04-31&to=2026-05-01"), "from");
        Problems.assertInvalid(supervisor.get("/api/v1/reports/kpis?to=2026-05-01"), "from");
        Problems.assertInvalid(supervisor.get("/api/v1/reports/kpis?from=2026-05-02&to=2026-05-01"), "from");
        Problems.assertInvalid(supervisor.get("/api/v1/reports/kpis?from=2025-01-01&to=2026-05-01"), "to");
        Problems.assertInvalid(supervisor.get(APRIL + "&category=gossip"), "category");
        Problems.assertInvalid(supervisor.get("/api/v1/reports/tickets?from=2026-04-01&to=2026-04-30&kpi=nope"), "kpi");
        Problems.assertInvalid(supervisor.get("/api/v1/reports/kpis.csv?from=2026-04-01&to=2026-04-30&table=x"), "table");
        Problems.assertInvalid(supervisor.get("/api/v1/reports/tickets.csv?from=2026-04-01&to=x"), "to");
    }

    @Test
    void theTicketsOfThePeriodComeAsExcelSafeCsvWithoutDescriptions() {
        Response r = server.session("zhou.supervisor").get("/api/v1/reports/tickets.csv?from=2026-04-01&to=2026-04-30");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("content-disposition")).contains("careloop-2026-04-01_2026-04-30-tickets.csv");
        assertThat(r.body()).startsWith("\uFEFFnumber,subject,status,");
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[2]).startsWith("RP-01,\"'=HYPERLINK(\"\"x\"\") 退货 RP-01\",resolved,service-process,");
        assertThat(r.body()).doesNotContain("患者", "张医生");
    }

    @Test
    void everyKpiTableExportsAsCsvAndAllAsXlsx() {
        ApiClient supervisor = server.session("zhou.supervisor");

        Response complaints = supervisor.get("/api/v1/reports/kpis.csv?from=2026-04-01&to=2026-04-30&table=complaints");
        assertThat(complaints.status()).as("%s", complaints).isEqualTo(200);
        assertThat(complaints.body().split("\r\n")).containsExactlyInAnyOrder("\uFEFFproduct,lot,complaints",
                "Amoxil 500,L2401,1", "Amoxil 500,L2402,1");
        Response summary = supervisor.get("/api/v1/reports/kpis.csv?from=2026-04-01&to=2026-04-30");
        assertThat(summary.body()).contains("\r\nSLA first response met %,57.14,4,7\r\n", "\r\nNPS,20.0,5,\r\n");

        Response xlsx = supervisor.get("/api/v1/reports/kpis.xlsx?from=2026-04-01&to=2026-04-30");
        assertThat(xlsx.status()).as("%s", xlsx).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.body()).startsWith("PK").contains("xl/worksheets/sheet6.xml");

        // the dashboard's XLSX button of one table: a workbook with that sheet only
        Response one = supervisor.get("/api/v1/reports/kpis.xlsx?from=2026-04-01&to=2026-04-30&table=complaints");
        assertThat(one.status()).as("%s", one).isEqualTo(200);
        assertThat(one.header("content-disposition")).endsWith("-complaints.xlsx\"");
        assertThat(one.body()).contains("xl/worksheets/sheet1.xml").doesNotContain("xl/worksheets/sheet2.xml");
        Problems.assertInvalid(supervisor.get("/api/v1/reports/kpis.xlsx?from=2026-04-01&to=2026-04-30&table=charts"),
                "table");
    }

    @Test
    void aNumberOpensToItsTicketsPageByPage() {
        ApiClient supervisor = server.session("zhou.supervisor");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = supervisor.get(ApiClient.query("/api/v1/reports/tickets", "from", "2026-04-01", "to",
                    "2026-04-30", "kpi", "resolution-met", "limit", "3", "cursor", cursor));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("items").forEach(t -> seen.add(t.path("number").asText()));
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);

        assertThat(seen).containsExactly("RP-01", "RP-02", "RP-03", "RP-04");
    }
}
