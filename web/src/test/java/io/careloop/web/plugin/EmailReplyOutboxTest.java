package io.careloop.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.Multipart;
import io.careloop.web.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's reply posted in the ticket goes out after commit through the e-mail plugin's SMTP
 * channel (GreenMail here), once, answering the customer's message; the reply on the timeline
 * shows that it was sent, and the sent Message-ID is recorded so the customer's answer threads back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailReplyOutboxTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false); // one server for the class: the plugin settings name its port once

    @TempDir
    static Path plugins;

    private TestServer server;
    private String integrator;
    private ApiClient supervisor;

    @BeforeAll
    void start() throws IOException {
        server = EmailPluginServer.start(plugins, getClass().getSimpleName());
        integrator = server.tokenFor("ivy.integrator", Role.INTEGRATOR);
        supervisor = server.client().withToken(server.tokenFor("sam.supervisor", Role.SUPERVISOR));
        ApiClient.Response saved = server.client().withToken(integrator).send("PUT", "/api/v1/plugins/email/settings",
                Map.of("mail.fromAddress", "service@careloop.example.com",
                        "mail.messageIdDomain", "careloop.example.com", "smtp.host", "127.0.0.1",
                        "smtp.port", String.valueOf(smtp.getSmtp().getPort()), "smtp.security", "none"), Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReplyPostedInTheTicketIsMailedOnceToTheCustomerAndShownAsSent() throws Exception {
        Multipart.Answer up = Uploads.post(server.base(), "/api/v1/plugins/email/imports", integrator,
                "complaint.eml", EmailPluginServer.sample("01-new-complaint-gb2312.eml"), null);
        assertThat(up.status()).as(up.body()).isEqualTo(202);
        String number = ticketOf("20261106091200.A1@hospital-a.example.cn");

        ApiClient.Response reply = supervisor.post("/api/v1/tickets/" + number + "/replies",
                Map.of("body", "张医生您好，我们已安排更换破损的药盒。"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        MimeMessage mail = received();
        assertThat(mail.getAllRecipients()[0].toString()).contains("zhangwei@hospital-a.example.cn");
        assertThat(MimeUtility.decodeText(mail.getHeader("Subject")[0])).isEqualTo("[" + number + "] Re: 关于某批次胶囊的投诉");
        assertThat(mail.getHeader("In-Reply-To")[0]).isEqualTo("<20261106091200.A1@hospital-a.example.cn>");
        String messageId = mail.getMessageID();
        assertThat(messageId).startsWith("<ticket-" + number + ".").endsWith("@careloop.example.com>");

        JsonNode sentReply = replyOnTimeline(number, "sent");
        assertThat(sentReply.path("delivery").path("attempts").asInt()).isEqualTo(1);
        assertThat(Rows.string(server.careLoop(), "SELECT message_id FROM outbound_message WHERE ticket_number = ?", number))
                .isEqualTo(messageId.substring(1, messageId.length() - 1));
        assertThat(Rows.string(server.careLoop(), "SELECT idempotency_key FROM outbound_message WHERE ticket_number = ?",
                number)).isNotBlank().satisfies(key -> assertThat(messageId).contains(key));
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessages()).as("sent once").hasSize(1);
    }

    private String ticketOf(String messageId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String number = Rows.string(server.careLoop(),
                    "SELECT ticket_number FROM import_ledger WHERE source = 'email' AND source_key = ?", messageId);
            if (number != null) {
                return number;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the message was not taken in");
    }

    private MimeMessage received() throws InterruptedException {
        assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the reply reached the SMTP server").isTrue();
        return smtp.getReceivedMessages()[0];
    }

    private JsonNode replyOnTimeline(String number, String state) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 300; i++) {
            for (JsonNode e : supervisor.get("/api/v1/tickets/" + number).json().path("timeline")) {
                if (e.path("kind").asText().equals("reply")) {
                    last = e;
                }
            }
            if (last != null && last.path("delivery").path("state").asText().equals(state)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the reply did not reach state " + state + ": " + last);
    }
}
