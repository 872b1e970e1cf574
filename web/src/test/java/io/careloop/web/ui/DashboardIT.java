package io.careloop.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.report.ReportDataset;
import io.careloop.web.testing.Browser;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The KPI dashboard in a real headless Chromium, on ReportServiceIT's dataset (April 2026): a
 * supervisor sees the numbers the API gives, opens the tickets behind one and then a ticket
 * (screenshots under web/target/screenshots); an agent has no dashboard.
 */
class DashboardIT {

    private static final String APRIL = "from=2026-04-01&to=2026-04-30";
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = ReportsDesk.start("DashboardIT");
        ReportDataset.load(server.careLoop());
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            server.close();
        }
    }

    private static void login(String path, String username) {
        browser.login(server.base(), path, username);
    }

    /** The tile's raw value, once the dashboard shows it. */
    private static String tile(String id) {
        return browser.find("[data-tile=" + id + "]").getAttribute("data-value");
    }

    @Test
    void aSupervisorSeesTheApisNumbersAndOpensTheTicketsBehindOne() {
        JsonNode api = server.session("zhou.supervisor").get("/api/v1/reports/kpis?" + APRIL).json();
        login("/reports?" + APRIL, "zhou.supervisor");
        browser.find("[data-testid=tiles]");
        browser.find("[data-testid=chart-volume] canvas");

        Map<String, JsonNode> expected = Map.of(
                "volumeIn", api.path("volume").path("in").path("count"),
                "volumeOut", api.path("volume").path("out").path("count"),
                "backlog", api.path("backlog").path("count"),
                "firstResponseMedian", api.path("firstResponseTime").path("medianSeconds"),
                "resolutionMedian", api.path("resolutionTime").path("medianSeconds"),
                "slaFirstResponse", api.path("slaCompliance").path("firstResponse").path("percent"),
                "slaResolution", api.path("slaCompliance").path("resolution").path("percent"),
                "reopenRate", api.path("reopenRate").path("percent"),
                "resolutionRate", api.path("resolutionRate").path("percent"),
                "csat", api.path("csat").path("average"));
        expected.forEach((id, value) -> assertThat(Double.parseDouble(tile(id))).as("tile %s", id)
                .isEqualTo(value.asDouble()));
        // the dataset's numbers, worked out in ReportServiceIT, as a reader sees them
        assertThat(tile("volumeIn")).isEqualTo("8");
        browser.waitForText("[data-tile=slaFirstResponse]", "57.14%");
        browser.waitForText("[data-tile=slaFirstResponse]", "4 / 7");
        browser.waitForText("[data-tile=firstResponseMedian]", "45m");
        browser.waitForText("[data-table=complaints]", "L2402");
        assertThat(browser.find("[data-table=complaints] a[data-export=csv]").getAttribute("href"))
                .endsWith("/api/v1/reports/kpis.csv?" + APRIL + "&table=complaints");
        assertThat(browser.find("[data-table=complaints] a[data-export=xlsx]").getAttribute("href"))
                .endsWith("/api/v1/reports/kpis.xlsx?" + APRIL + "&table=complaints");
        browser.screenshot("20-dashboard");

        // the resolution rate's count opens the tickets behind it: the same as the API's drill-down
        browser.click("[data-tile=resolutionRate] button[data-drill=resolved]");
        browser.find("[data-testid=drill-tickets]");
        List<String> apiNumbers = new ArrayList<>();
        server.session("zhou.supervisor").get("/api/v1/reports/tickets?" + APRIL + "&kpi=resolved").json().path("items")
                .forEach(t -> apiNumbers.add(t.path("number").asText()));
        List<String> shown = browser.driver().findElements(By.cssSelector("[data-testid=drill-tickets] tbody tr")).stream()
                .map(r -> r.getAttribute("data-number")).toList();
        assertThat(shown).hasSize(api.path("resolutionRate").path("count").asInt()).isEqualTo(apiNumbers);
        browser.screenshot("21-dashboard-drill-down");

        // and a ticket of the list opens the ticket itself (RP-01: the dataset writes some audit rows
        // without data, which the ticket timeline does not show)
        String first = "RP-01";
        assertThat(shown).contains(first);
        browser.click("[data-testid=drill-tickets] tr[data-number='" + first + "']");
        browser.waitForText("[data-testid=ticket-number]", first);
        browser.screenshot("22-dashboard-ticket");

        // back: the dashboard keeps its period; in Chinese
        browser.driver().navigate().back();
        browser.find("[data-tile=volumeIn]");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/reports?" + APRIL);
        new Select(browser.find("[data-testid=lang]")).selectByValue("zh-CN");
        browser.waitForText("[data-tile=backlog]", "积压");
        browser.screenshot("23-dashboard-zh-CN");
        new Select(browser.find("[data-testid=lang]")).selectByValue("en");
    }

    @Test
    void whileTheRollupIsBeingBuiltTheDashboardSaysHowFarAndShowsTheSameNumbers() throws Exception {
        // a new build begun and held by another node that is busy with it
        server.careLoop().reports().rollup().beginRebuild();
        lease("'node-elsewhere'", "TIMESTAMP WITH TIME ZONE '2099-01-01 00:00:00+00'");
        try {
            login("/reports?" + APRIL, "zhou.supervisor");
            browser.waitForText("[data-testid=rollup-banner]", "KPI figures are being prepared: 0 %");
            assertThat(tile("volumeIn")).isEqualTo("8");
            browser.waitForText("[data-tile=slaFirstResponse]", "57.14%");
            browser.screenshot("26-dashboard-rollup-building");
        } finally {
            lease("NULL", "NULL");
            server.careLoop().reports().rollup().rebuild(server.careLoop().reports().zone());
        }
        // the dashboard follows the build (every 5 s) and reads the figures again once it is done
        browser.waitForNone("[data-testid=rollup-banner]");
        assertThat(tile("volumeIn")).isEqualTo("8");
    }

    private static void lease(String owner, String until) throws java.sql.SQLException {
        try (var c = server.careLoop().database().dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE kpi_state SET lease_owner = " + owner + ", lease_until = " + until);
        }
    }

    @Test
    void anEmptyPeriodSaysSoAndAnAgentHasNoDashboard() {
        login("/reports?from=2025-01-01&to=2025-01-31", "zhou.supervisor");
        browser.find("[data-testid=report-empty]");

        login("/queues/mine", "wu.agent");
        List<WebElement> links = browser.driver().findElements(By.cssSelector("[data-testid=nav-reports]"));
        assertThat(links).isEmpty();
        browser.open(server.base() + "/reports?" + APRIL);
        browser.find("[data-testid=report-error]");
    }
}
