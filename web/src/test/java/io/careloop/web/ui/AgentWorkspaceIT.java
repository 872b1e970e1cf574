package io.careloop.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.Browser;
import io.careloop.web.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent workspace in a real headless Chromium: two agents, one ticket, everything through the
 * browser (screenshots under web/target/screenshots).
 */
class AgentWorkspaceIT {

    private static TestServer server;
    private static Browser li;
    private static Browser wang;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.H2, "AgentWorkspaceIT");
        server.agentOfEveryQueue("li");
        server.agentOfEveryQueue("wang");
        li = Browser.start();
        wang = Browser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (li != null) li.close();
            if (wang != null) wang.close();
        } finally {
            server.close();
        }
    }

    private static String newTicket(String subject) {
        ApiClient api = server.session("wang");
        return api.post("/api/v1/tickets", Map.of("subject", subject,
                "description", "The courier left the carton outside in the rain; please advise.",
                "channel", "email", "category", "service-process")).json().path("number").asText();
    }

    /** Signs in afresh (a test before may have left another user signed in) and lands on {@code path}. */
    private static void login(Browser b, String path, String username) {
        b.open(server.base() + "/health");
        b.driver().manage().deleteAllCookies();
        b.driver().executeScript("sessionStorage.clear(); localStorage.clear();");
        b.open(server.base() + path);
        b.type("input[name=username]", username);
        b.type("input[name=password]", TestServer.PASSWORD);
        b.click("[data-testid=login-submit]");
        b.find("[data-testid=who]");
    }

    @Test
    void anAgentClaimsRepliesAndResolvesWhileAColleagueWatchesLive() {
        String number = newTicket("Carton delivered wet 纸箱受潮");
        li.open(server.base() + "/queues/unassigned");
        li.find("[data-testid=login-form]");
        li.screenshot("01-login");
        login(li, "/queues/unassigned", "li");

        // the queue the agent asked for before signing in, with its count and the new ticket
        li.find("tr[data-number='" + number + "']");
        assertThat(li.find("[data-count=unassigned]").getText()).isNotEqualTo("0");
        li.screenshot("02-queue-unassigned");

        // a colleague has the same ticket open
        login(wang, "/tickets/" + number, "wang");
        wang.waitForText("[data-testid=ticket-status]", "New");

        // keyboard: j/k select, Enter opens
        li.find("body").sendKeys("k");
        li.click("tr[data-number='" + number + "']");
        li.waitForText("[data-testid=ticket-number]", number);
        li.waitForText("[data-testid=viewers]", "wang");

        li.click("[data-action=claim]");
        li.waitForText("[data-testid=ticket-assignee]", "li");
        wang.waitForText("[data-testid=ticket-assignee]", "li");
        wang.waitForText("[data-testid=ticket-status]", "Open");

        li.type("[data-testid=composer-text]", "We will send a replacement carton today.");
        li.click("[data-testid=composer-send]");
        li.waitForText("[data-testid=timeline]", "We will send a replacement carton today.");
        wang.waitForText("[data-testid=timeline]", "We will send a replacement carton today.");
        li.screenshot("03-ticket-replied");

        li.click("[data-action=resolve]");
        li.type("textarea[name=resolution]", "Replacement sent.");
        li.click("[data-testid=action-confirm]");
        li.waitForText("[data-testid=ticket-status]", "Resolved");
        wang.waitForText("[data-testid=ticket-status]", "Resolved");
        wang.screenshot("04-colleague-sees-resolved");
    }

    @Test
    void aDeniedActionSaysWhyAndKeepsWhatWasTyped() {
        String number = newTicket("Invoice address wrong");
        login(li, "/tickets/" + number, "li");
        li.waitForText("[data-testid=ticket-number]", number);

        // an agent may not assign a ticket to someone else: the button is there, the server's reason is shown
        li.click("[data-action=assign]");
        li.type("input[name=assignee]", "wang");
        li.click("[data-testid=action-confirm]");
        li.waitForText("[data-testid=action-error]", "only a supervisor assigns a ticket to someone else");
        assertThat(li.find("input[name=assignee]").getAttribute("value")).isEqualTo("wang");
        li.screenshot("05-denied-action");

        // an action the ticket's state does not allow is shown disabled, with the reason as its title
        assertThat(li.driver().findElements(By.cssSelector("[data-action=reopen]"))).singleElement().satisfies(b -> {
            assertThat(b.isEnabled()).isFalse();
            assertThat(b.getAttribute("title")).contains("Not possible while the ticket is");
        });
    }

    @Test
    void theLanguageSwitchesToChineseAndIsRemembered() {
        login(li, "/queues/mine", "li");
        new Select(li.find("[data-testid=lang]")).selectByValue("zh-CN");
        li.waitForText("[data-testid=logout]", "退出登录");
        li.waitForText("[data-view=mine]", "我的工单");
        li.screenshot("06-queues-zh-CN");

        // a reload keeps the language; the queue screen's first page is there well within a second on an idle machine
        long started = System.nanoTime();
        li.open(server.base() + "/queues/mine");
        li.find("[data-testid=tickets], [data-testid=empty]");
        long firstPageMillis = (System.nanoTime() - started) / 1_000_000;
        Browser.record("queue screen first page after navigation: " + firstPageMillis + " ms");
        assertThat(firstPageMillis).as("first page shown after navigation, ms").isLessThan(5_000);
        li.waitForText("[data-view=mine]", "我的工单");
        new Select(li.find("[data-testid=lang]")).selectByValue("en");
        li.waitForText("[data-view=mine]", "My tickets");
    }
}
