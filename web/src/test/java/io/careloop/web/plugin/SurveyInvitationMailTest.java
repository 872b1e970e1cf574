package io.careloop.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey invitation of a resolution goes out through the outbox, after the resolve has
 * answered: mailed once through the e-mail plugin's SMTP channel (GreenMail here) and shown on the
 * timeline as sent; with the mail server down the resolve still answers 200 and the invitation
 * waits for its next attempt with the error, as a reply does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyInvitationMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @TempDir
    static Path plugins;

    private TestServer server;
    private ApiClient integrator;
    private ApiClient supervisor;

    @BeforeAll
    void start() throws IOException {
        server = EmailPluginServer.start(plugins, getClass().getSimpleName());
        integrator = server.client().withToken(server.tokenFor("ivy.integrator", Role.INTEGRATOR));
        supervisor = server.client().withToken(server.tokenFor("sam.supervisor", Role.SUPERVISOR));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void resolvingMailsTheSurveyInvitationOnceAfterTheResolveAndShowsItAsSent() throws Exception {
        smtpOn(smtp.getSmtp().getPort());
        String email = "li.yisheng@hospital-b.example.cn";
        String number = resolvedTicket(email);

        assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the invitation reached the SMTP server").isTrue();
        List<MimeMessage> mails = invitationsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(MimeUtility.decodeText(mails.get(0).getHeader("Subject")[0])).isEqualTo("[" + number + "] 满意度调查 / How did we do?");
        assertThat(mails.get(0).getMessageID()).contains(".survey-invitation-");
        JsonNode invitation = invitationOnTimeline(number, "sent");
        assertThat(invitation.path("delivery").path("attempts").asInt()).isEqualTo(1);
        assertThat(kinds(number)).contains("ticket.survey-invitation-queued", "ticket.survey-invited");
        Thread.sleep(500);
        assertThat(invitationsTo(email)).as("sent once").hasSize(1);
    }

    @Test
    void withTheMailServerDownTheResolveStillSucceedsAndTheInvitationWaitsForItsRetry() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        smtpOn(closed);
        try {
            String number = resolvedTicket("zhao.yisheng@hospital-c.example.cn");

            JsonNode invitation = invitationOnTimeline(number, "queued", 1);
            assertThat(invitation.path("delivery").path("lastError").asText()).isNotBlank();
            assertThat(invitation.path("delivery").path("nextTry").isNull()).isFalse();
            assertThat(supervisor.get("/api/v1/tickets/" + number).json().path("status").asText()).isEqualTo("resolved");
            assertThat(kinds(number)).contains("ticket.survey-invitation-queued").doesNotContain("ticket.survey-invited");
        } finally {
            smtpOn(smtp.getSmtp().getPort());
        }
    }

    private void smtpOn(int port) {
        ApiClient.Response saved = integrator.send("PUT", "/api/v1/plugins/email/settings",
                Map.of("mail.fromAddress", "service@careloop.example.com", "mail.messageIdDomain", "careloop.example.com",
                        "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(port), "smtp.security", "none"), Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** A service-process ticket from a doctor by e-mail, resolved over HTTP without a resolution text (no reply mail). */
    private String resolvedTicket(String email) {
        ApiClient.Response created = supervisor.post("/api/v1/tickets", Map.of("subject", "Order 8812 is late",
                "description", "The order has not arrived.", "channel", "email", "category", "service-process",
                "severity", "low", "customer", Map.of("type", "doctor", "name", "李医生", "email", email)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.json().path("number").asText();
        ApiClient.Response resolved = supervisor.post("/api/v1/tickets/" + number + "/resolve", Map.of());
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("status").asText()).isEqualTo("resolved");
        return number;
    }

    private List<MimeMessage> invitationsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private JsonNode invitationOnTimeline(String number, String state) throws InterruptedException {
        return invitationOnTimeline(number, state, 0);
    }

    /** The invitation on the timeline once it is in {@code state} after at least {@code attempts} attempts. */
    private JsonNode invitationOnTimeline(String number, String state, int attempts) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 300; i++) {
            for (JsonNode e : supervisor.get("/api/v1/tickets/" + number).json().path("timeline")) {
                if (e.path("direction").asText().equals("outbound") && e.path("body").asText().startsWith("您的工单 ")) {
                    last = e;
                }
            }
            if (last != null && last.path("delivery").path("state").asText().equals(state)
                    && last.path("delivery").path("attempts").asInt() >= attempts) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the invitation did not reach state " + state + ": " + last);
    }

    private List<String> kinds(String number) {
        return java.util.stream.StreamSupport.stream(supervisor.get("/api/v1/tickets/" + number).json().path("timeline")
                .spliterator(), false).map(e -> e.path("kind").asText()).toList();
    }
}
