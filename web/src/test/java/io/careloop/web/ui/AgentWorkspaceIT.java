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
import io.careloop.engine.user.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
        server.user("chen", Role.SUPERVISOR);
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
        return newTicket(server.session("wang"), subject, "service-process", "Amoxil 500");
    }

    private static String newTicket(ApiClient as, String subject, String category, String product) {
        ApiClient.Response r = as.post("/api/v1/tickets", Map.of("subject", subject,
                "description", "The courier left the carton outside in the rain; please advise.",
                "channel", "email", "category", category, "product", product));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("number").asText();
    }

    private static String row(String number) {
        return "tr[data-number='" + number + "']";
    }

    /** Narrows the queue to one product, so the test's own tickets are the list; the focus leaves the field. */
    private static void onlyProduct(Browser b, String product) {
        b.type("input[name=product]", product);
        b.find("input[name=product]").sendKeys(Keys.TAB);
        b.driver().executeScript("document.activeElement && document.activeElement.blur();");
    }

    private static String selectedRow(Browser b) {
        return b.find("tr.selected").getAttribute("data-number");
    }

    /** Signs in afresh (a test before may have left another user signed in) and lands on {@code path}. */
    private static void login(Browser b, String path, String username) {
        b.open(server.base() + "/health");
        b.driver().manage().deleteAllCookies();
        b.driver().executeScript("sessionStorage.clear(); localStorage.clear();");
        b.open(server.base() + path);
        signIn(b, username);
        b.find("[data-testid=who]");
    }

    /** Fills in and sends the sign-in form on the screen. */
    private static void signIn(Browser b, String username) {
        b.type("input[name=username]", username);
        b.type("input[name=password]", TestServer.PASSWORD);
        b.click("[data-testid=login-submit]");
    }

    @Test
    void anAgentClaimsRepliesAndResolvesWhileAColleagueWatchesLive() {
        String number = newTicket("Carton delivered wet 纸箱受潮");
        li.open(server.base() + "/health");
        li.driver().manage().deleteAllCookies();
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
        // the reply's way out, from the outbox: this server has no e-mail plugin, so it is noted as not sent
        li.waitForText("[data-testid=delivery][data-state=not-sent]", "no plugin serves channel email");
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
    void anExpiredSessionAsksToSignInAgainAndKeepsTheTypedReply() {
        String number = newTicket("Leaflet missing from the pack");
        server.session("li").post("/api/v1/tickets/" + number + "/claim", Map.of());
        login(li, "/tickets/" + number, "li");
        li.waitForText("[data-testid=ticket-number]", number);
        String reply = "A leaflet is on its way by post; it is also online at careloop.example/leaflets.";
        li.type("[data-testid=composer-text]", reply);

        // the server forgets the session (as when it expires); the next action meets a sign-in prompt
        server.careLoop().users().logout(li.driver().manage().getCookieNamed(ApiClient.SESSION_COOKIE).getValue());
        if (!li.driver().findElements(By.cssSelector("[data-testid=composer-send]")).isEmpty()) {
            li.click("[data-testid=composer-send]");
        }
        li.find("[data-testid=expired]");
        li.find("[data-testid=login-form]");
        li.screenshot("07-session-expired");

        // signing in again lands on the same ticket with the reply as it was typed, and it can be sent
        signIn(li, "li");
        li.waitForText("[data-testid=ticket-number]", number);
        li.waitForValue("[data-testid=composer-text]", reply);
        assertThat(server.session("wang").get("/api/v1/tickets/" + number).body()).doesNotContain("careloop.example/leaflets");
        li.click("[data-testid=composer-send]");
        li.waitForText("[data-testid=timeline]", "careloop.example/leaflets");
    }

    @Test
    void theKeyboardMovesClaimsOpensAndReplies() {
        String first = newTicket(server.session("wang"), "Blister torn", "service-process", "KeysIT-1");
        String second = newTicket(server.session("wang"), "Blister torn again", "service-process", "KeysIT-1");
        login(li, "/queues/unassigned", "li");
        onlyProduct(li, "KeysIT-1");
        li.find(row(first));
        li.find(row(second));
        li.waitForNone("tr[data-number]:not([data-number='" + first + "']):not([data-number='" + second + "'])");

        // j and k move the selection
        String top = selectedRow(li);
        String other = top.equals(first) ? second : first;
        li.find("body").sendKeys("j");
        assertThat(selectedRow(li)).isEqualTo(other);
        li.find("body").sendKeys("k");
        assertThat(selectedRow(li)).isEqualTo(top);
        li.screenshot("08-keyboard-selection");

        // c claims the selected ticket: it leaves the unassigned list and is li's
        li.find("body").sendKeys("c");
        li.waitForNone(row(top));
        assertThat(server.session("wang").get("/api/v1/tickets/" + top).json().path("assignee").asText()).isEqualTo("li");

        // Enter opens the selected ticket
        assertThat(selectedRow(li)).isEqualTo(other);
        li.find("body").sendKeys(Keys.ENTER);
        li.waitForText("[data-testid=ticket-number]", other);

        // back in the queue, r opens the selected ticket with the reply box focused
        li.driver().navigate().back();
        onlyProduct(li, "KeysIT-1");
        li.waitForNone("tr[data-number]:not([data-number='" + other + "'])");
        assertThat(selectedRow(li)).isEqualTo(other);
        li.find("body").sendKeys("r");
        li.waitForText("[data-testid=ticket-number]", other);
        li.waitForScript("document.activeElement && document.activeElement.dataset.testid === 'composer-text'");
    }

    @Test
    void aFilterChangesTheListAndTheCounts() {
        String service = newTicket(server.session("wang"), "Courier was rude", "service-process", "FilterIT-1");
        String inquiry = newTicket(server.session("wang"), "Can the tablet be split?", "medical-inquiry", "FilterIT-1");
        login(li, "/queues/unassigned", "li");
        li.find(row(service));
        li.find(row(inquiry));
        li.waitForScript("document.querySelector('[data-count=unassigned]').textContent !== '…'");
        String before = li.find("[data-count=unassigned]").getText();

        new Select(li.find("select[name=category]")).selectByValue("medical-inquiry");
        li.waitForNone(row(service));
        li.find(row(inquiry));
        li.waitForScript("document.querySelector('[data-count=unassigned]').textContent !== '" + before + "'");
        // the view's count is the filtered list's length
        int rows = li.driver().findElements(By.cssSelector("tr[data-number]")).size();
        assertThat(li.find("[data-count=unassigned]").getText()).isEqualTo(String.valueOf(rows));
        assertThat(Integer.parseInt(before)).isGreaterThan(rows);
        li.screenshot("09-filtered-queue");

        // the filter is in the address bar: a reload, and back from a ticket, keep it
        assertThat(li.driver().getCurrentUrl()).endsWith("/queues/unassigned?category=medical-inquiry");
        li.driver().navigate().refresh();
        li.find(row(inquiry));
        li.waitForNone(row(service));
        li.waitForValue("select[name=category]", "medical-inquiry");
        li.click(row(inquiry));
        li.waitForText("[data-testid=ticket-number]", inquiry);
        li.driver().navigate().back();
        li.find(row(inquiry));
        li.waitForNone(row(service));
        li.waitForValue("select[name=category]", "medical-inquiry");
    }

    @Test
    void aTicketAnIntegratorCreatesAppearsInTheOpenQueueWithoutReload() {
        String product = "LiveIT-1";
        String early = newTicket(server.session("wang"), "Price list request", "service-process", product);
        String later = newTicket(server.session("wang"), "Second price list request", "service-process", product);
        login(li, "/queues/unassigned", "li");
        onlyProduct(li, product);
        li.find(row(early));
        li.find(row(later));
        li.find("body[data-live=ready]");
        li.find("body").sendKeys("j");
        String selected = selectedRow(li);
        li.driver().executeScript("window.careloopNoReload = true;");

        ApiClient erp = server.client().withToken(server.tokenFor("erp-bridge", Role.INTEGRATOR));
        String created = newTicket(erp, "Order 4711 arrived damaged (from the ERP)", "service-process", product);

        li.find(row(created));
        assertThat(li.driver().executeScript("return window.careloopNoReload === true;")).isEqualTo(true);
        assertThat(selectedRow(li)).isEqualTo(selected);
        assertThat(li.driver().findElements(By.cssSelector("tr[data-number]"))).hasSize(3);
        li.screenshot("10-live-created-ticket");
    }

    @Test
    void aSupervisorPicksTheAssigneeByTypingAndTheKeyboard() {
        String number = newTicket("Wrong strength delivered");
        login(li, "/tickets/" + number, "chen");
        li.waitForText("[data-testid=ticket-number]", number);
        li.click("[data-action=assign]");
        li.type("input[name=assignee]", "wa");
        li.find("[data-testid=assignee-options] [data-username=wang]");
        li.waitForNone("[data-testid=assignee-options] [data-username=li]");
        li.screenshot("11-assignee-picker");

        li.find("input[name=assignee]").sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        li.waitForValue("input[name=assignee]", "wang");
        li.click("[data-testid=action-confirm]");
        li.waitForText("[data-testid=ticket-assignee]", "wang");
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
