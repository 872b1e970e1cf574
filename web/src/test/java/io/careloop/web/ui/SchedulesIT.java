package io.careloop.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.web.testing.Browser;
import io.careloop.web.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The weekly report schedules screen ({@code /reports/schedules}) in a real headless Chromium: a
 * supervisor creates a weekly schedule, finds it in the list as the API keeps it, and switches it off;
 * an agent is refused on the screen. Screenshots under web/target/screenshots (24-, 25-).
 */
class SchedulesIT {

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = ReportsDesk.start("SchedulesIT");
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

    @Test
    void aSupervisorCreatesAWeeklyScheduleSeesItListedAndSwitchesItOff() {
        login("/reports/schedules", "zhou.supervisor");
        browser.find("[data-testid=schedules]");
        browser.click("[data-testid=schedule-new]");
        browser.find("[data-testid=schedule-form]");
        // a recipient that is not an address: the form names the field before anything is sent
        browser.type("[data-testid=schedule-form] label:nth-of-type(1) input", "服务台周报 Service desk weekly");
        new Select(browser.find("[data-testid=schedule-form] label:nth-of-type(2) select")).selectByValue("5");
        browser.type("[data-testid=schedule-form] textarea", "not-an-address");
        browser.click("[data-testid=schedule-save]");
        browser.find("[data-testid=schedule-error]");
        assertThat(browser.find("[data-testid=schedule-form] label.invalid textarea")).isNotNull();
        assertThat(server.session("zhou.supervisor").get("/api/v1/reports/schedules").json().path("items")).isEmpty();

        browser.driver().findElement(org.openqa.selenium.By.cssSelector("[data-testid=schedule-form] textarea")).clear();
        browser.type("[data-testid=schedule-form] textarea", "wang@pharma.example.cn\nli@pharma.example.cn");
        browser.type("[data-testid=schedule-form] label:nth-of-type(7) input", "service");
        browser.click("[data-testid=schedule-save]");
        browser.find("[data-testid=schedule-list]");

        // the API keeps what the form sent; the list shows it as kept
        JsonNode s = server.session("zhou.supervisor").get("/api/v1/reports/schedules").json().path("items").get(0);
        assertThat(s.path("name").asText()).isEqualTo("服务台周报 Service desk weekly");
        assertThat(s.path("dayOfWeek").asInt()).isEqualTo(5);
        assertThat(s.path("time").asText()).isEqualTo("08:30");
        assertThat(s.path("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(s.path("enabled").asBoolean()).isTrue();
        String row = "[data-testid=schedule-" + s.path("id").asText() + "]";
        browser.waitForText(row, "服务台周报 Service desk weekly");
        browser.waitForText(row, "Friday 08:30 (Asia/Shanghai)");
        browser.waitForText(row, "wang@pharma.example.cn, li@pharma.example.cn");
        browser.waitForText(row, "on");
        browser.screenshot("24-report-schedules");

        // switched off: the API's schedule is off, and the list says so
        browser.click("[data-testid=schedule-toggle-" + s.path("id").asText() + "]");
        browser.waitForText(row, "off");
        assertThat(server.session("zhou.supervisor").get("/api/v1/reports/schedules/" + s.path("id").asText()).json()
                .path("enabled").asBoolean()).isFalse();
    }

    @Test
    void anAgentIsRefusedOnTheSchedulesScreen() {
        login("/reports/schedules", "wu.agent");
        browser.find("[data-testid=schedules]");
        browser.find("[data-testid=schedule-error]");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-testid=schedule-list]"))).isEmpty();
        browser.screenshot("25-report-schedules-agent-refused");
    }
}
