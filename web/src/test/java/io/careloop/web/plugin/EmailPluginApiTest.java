package io.careloop.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.Multipart;
import io.careloop.web.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail plugin archive the build produced, loaded by the real host: an integrator uploads
 * the sample mailbox, the run counts the four messages that are mail to take in (the auto-reply
 * and the bounce never reach intake), the complaint and the HTML order become e-mail tickets a
 * supervisor reads, the auto-reply and the bounce are counted as ignored with their cause (the
 * bounce marks the address it returns as failing on the customer), and uploading the same
 * mailbox again adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailPluginApiTest {

    @TempDir
    static Path plugins;

    private TestServer server;
    private String integrator;
    private ApiClient api;
    private ApiClient supervisor;

    @BeforeAll
    void start() throws IOException {
        server = EmailPluginServer.start(plugins, getClass().getSimpleName());
        integrator = server.tokenFor("ivy.integrator", Role.INTEGRATOR);
        api = server.client().withToken(integrator);
        supervisor = server.client().withToken(server.tokenFor("sam.supervisor", Role.SUPERVISOR));
        ApiClient.Response saved = api.send("PUT", "/api/v1/plugins/email/settings", Map.of(
                "mail.fromAddress", "service@careloop.example.com",
                "imap.password", "s3cret-imap"), Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theEmailPluginIsListedAsStartedAndItsPasswordIsNeverReturned() {
        JsonNode items = api.get("/api/v1/plugins").json().path("items");
        JsonNode email = null;
        for (JsonNode p : items) {
            if (p.path("id").asText().equals("email")) {
                email = p;
            }
        }
        assertThat(email).as(items.toString()).isNotNull();
        assertThat(email.path("state").asText()).isEqualTo("started");
        assertThat(email.path("imports").asBoolean()).isTrue();

        ApiClient.Response detail = api.get("/api/v1/plugins/email");
        assertThat(detail.body()).doesNotContain("s3cret-imap");
        for (JsonNode field : detail.json().path("settings")) {
            if (field.path("key").asText().equals("imap.password")) {
                assertThat(field.path("secret").asBoolean()).isTrue();
                assertThat(field.path("set").asBoolean()).isTrue();
            }
        }
        assertThat(detail.json().path("settings").findValuesAsText("key"))
                .contains("imap.host", "imap.password", "smtp.host", "smtp.password", "mail.fromAddress");
    }

    @Test
    void anUploadedMailboxBecomesEmailTicketsOnceAndNoiseStaysOut() throws Exception {
        byte[] mbox = sample("inbox.mbox");
        // the survey the sample bounce returns went to this customer
        String bounced = supervisor.post("/api/v1/customers", Map.of("type", "doctor", "tier", "B", "name", "Dr. Nobody",
                "email", "Nobody@hospital-b.example.cn")).json().path("id").asText();
        assertThat(supervisor.get("/api/v1/customers/" + bounced).json().path("emailStatus").path("status").asText())
                .isEqualTo("ok");
        Multipart.Answer accepted = Uploads.post(server.base(), "/api/v1/plugins/email/imports", integrator,
                "inbox.mbox", mbox, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        JsonNode run = finished(accepted.json().path("runId").asLong());
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        assertThat(List.of(run.path("read").asInt(), run.path("accepted").asInt(), run.path("duplicate").asInt(),
                run.path("rejected").asInt(), run.path("ignored").asInt())).containsExactly(6, 4, 0, 0, 2);
        assertThat(run.path("ignoredReasons").toString()).isEqualTo("{\"auto-reply\":1,\"bounce\":1}");
        JsonNode status = supervisor.get("/api/v1/customers/" + bounced).json().path("emailStatus");
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("failing");
        assertThat(io.careloop.engine.testing.Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE action = "
                + "'customer.contact-failing' AND entity_id = ? AND actor = 'plugin:email'", bounced)).isEqualTo(1);

        JsonNode complaint = supervisor.get("/api/v1/tickets/" + ledger("20261106091200.A1@hospital-a.example.cn")).json();
        assertThat(complaint.path("subject").asText()).isEqualTo("关于某批次胶囊的投诉");
        assertThat(complaint.path("channel").asText()).isEqualTo("email");
        assertThat(complaint.path("description").asText()).startsWith("您好:\n\n我院药房收到的批号 B20261001 的胶囊有三盒铝箔破损");
        JsonNode order = supervisor.get("/api/v1/tickets/" + ledger("po-4500012345-1@distributor.example.com")).json();
        assertThat(order.path("description").asText()).isEqualTo("Our PO 4500012345 is 5 days late.\ndetails");
        assertThat(ledger("20261107080500.B2@hospital-a.example.cn")).as("the reply was taken in").isNotNull();
        assertThat(ledger("auto.20261107@hospital-a.example.cn")).as("the auto-reply").isNull();
        assertThat(ledger("bounce.1@mx.example.com")).as("the bounce").isNull();

        Multipart.Answer again = Uploads.post(server.base(), "/api/v1/plugins/email/imports", integrator,
                "inbox.mbox", mbox, null);
        JsonNode second = finished(again.json().path("runId").asLong());
        assertThat(List.of(second.path("read").asInt(), second.path("accepted").asInt(), second.path("duplicate").asInt(),
                second.path("ignored").asInt())).containsExactly(6, 0, 4, 2);
    }

    private JsonNode finished(long runId) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            JsonNode run = api.get("/api/v1/imports/" + runId).json();
            String status = run.path("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import run " + runId + " did not finish");
    }

    private String ledger(String messageId) {
        return io.careloop.engine.testing.Rows.string(server.careLoop(),
                "SELECT ticket_number FROM import_ledger WHERE source = 'email' AND source_key = ?", messageId);
    }

    private static byte[] sample(String name) throws IOException {
        return EmailPluginServer.sample(name);
    }
}
