package io.careloop.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.attachment.AttachmentLimits;
import io.careloop.engine.attachment.TicketAttachments;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.Multipart;
import io.careloop.web.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments through the real e-mail plugin, end to end: a mail's files are stored by the engine
 * under the data directory, listed on the ticket and downloadable by a supervisor in scope (as a
 * download, with the sniffed type and nosniff, the read audited); a hostile name is made safe, a
 * lying content type is not believed, the same file twice is kept once, and files over the
 * per-file or per-ticket limit are recorded as refused with the reason while the mail is taken in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailAttachmentsApiTest {

    private static final String PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    private static final int KB = 1024;

    @TempDir
    static Path plugins;

    private TestServer server;
    private String integrator;
    private ApiClient supervisor;
    private ApiClient agent;

    @BeforeAll
    void start() throws IOException {
        server = EmailPluginServer.start(plugins, getClass().getSimpleName());
        server.careLoop().attachments().limit(new AttachmentLimits(100 * KB, 150 * KB));
        integrator = server.tokenFor("ivy.integrator", Role.INTEGRATOR);
        supervisor = server.client().withToken(server.tokenFor("sam.supervisor", Role.SUPERVISOR));
        agent = server.client().withToken(server.tokenFor("ann.agent", Role.AGENT));
        ApiClient.Response saved = server.client().withToken(integrator).send("PUT", "/api/v1/plugins/email/settings",
                Map.of("mail.fromAddress", "service@careloop.example.com"),
                Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSampleOrdersPdfIsStoredSniffedAndDownloadableAsAnAuditedDownload() throws Exception {
        String number = imported("04-html-with-attachment.eml", EmailPluginServer.sample("04-html-with-attachment.eml"),
                "po-4500012345-1@distributor.example.com");
        JsonNode pdf = byName(list(number), "送货单.pdf");
        assertThat(pdf.path("state").asText()).isEqualTo("stored");
        assertThat(pdf.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(pdf.path("size").asLong()).isEqualTo(PDF.length());
        Path onDisk = server.careLoop().settings().dataDir().resolve("attachments")
                .resolve(pdf.path("sha256").asText().substring(0, 2)).resolve(pdf.path("sha256").asText().substring(2, 4))
                .resolve(pdf.path("sha256").asText());
        assertThat(Files.readString(onDisk)).isEqualTo(PDF);
        assertThat(byName(list(number), "message.html").path("contentType").asText()).isEqualTo("text/html");

        ApiClient.Response download = supervisor.get(pdf.path("href").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"___.pdf\"; filename*=UTF-8''%E9%80%81%E8%B4%A7%E5%8D%95.pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE action = 'attachment.read' "
                + "AND actor = 'sam.supervisor' AND entity_id = ?", "attachment/" + pdf.path("id").asText())).isEqualTo(1);

        JsonNode timeline = supervisor.get("/api/v1/tickets/" + number).json().path("timeline");
        assertThat(timeline.findValuesAsText("body")).anyMatch(b -> b.startsWith("送货单.pdf (application/pdf"));
        // an agent outside the ticket's queues gets no file, whatever its id
        assertThat(agent.get(pdf.path("href").asText()).status()).isEqualTo(403);
        assertThat(server.client().withToken(integrator).get(pdf.path("href").asText()).status()).isEqualTo(403);
    }

    @Test
    void hostileNamesLyingTypesDuplicatesAndOversizeFilesAreHandledAndTheMailIsStillTakenIn() throws Exception {
        Random random = new Random(7);
        byte[] big = new byte[90 * KB];
        random.nextBytes(big);
        byte[] big2 = new byte[90 * KB];
        random.nextBytes(big2);
        byte[] huge = new byte[200 * KB];
        random.nextBytes(huge);
        String mail = message(List.of(
                part("application/pdf", "report.pdf", PDF.getBytes(StandardCharsets.US_ASCII)),
                part("image/png", "../../etc/passwd", "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.US_ASCII)),
                part("image/png", "photo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII)),
                part("application/pdf", "copy-of-report.pdf", PDF.getBytes(StandardCharsets.US_ASCII)),
                part("application/octet-stream", "scan-1.bin", big),
                part("application/octet-stream", "scan-2.bin", big2),
                part("application/octet-stream", "huge.bin", huge)));
        String number = imported("hostile.eml", mail.getBytes(StandardCharsets.US_ASCII), "hostile-1@clinic.example.cn");

        JsonNode items = list(number);
        assertThat(items.findValuesAsText("fileName")).doesNotContain("copy-of-report.pdf", "../../etc/passwd")
                .contains("report.pdf", "passwd", "photo.png", "scan-1.bin", "scan-2.bin", "huge.bin", "original.eml");
        assertThat(byName(items, "passwd").path("contentType").asText()).isEqualTo("text/plain");
        JsonNode photo = byName(items, "photo.png");
        assertThat(photo.path("declaredType").asText()).isEqualTo("image/png");
        assertThat(photo.path("contentType").asText()).isEqualTo("text/html");
        ApiClient.Response html = supervisor.get(photo.path("href").asText());
        assertThat(html.header("Content-Disposition")).startsWith("attachment;");
        assertThat(html.header("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(byName(items, "scan-1.bin").path("state").asText()).isEqualTo("stored");
        JsonNode overTicket = byName(items, "scan-2.bin");
        assertThat(overTicket.path("state").asText()).isEqualTo("refused");
        assertThat(overTicket.path("reason").asText()).isEqualTo("the ticket's attachments would exceed 153600 bytes");
        assertThat(overTicket.path("href").isNull()).isTrue();
        JsonNode overFile = byName(items, "huge.bin");
        assertThat(overFile.path("state").asText()).isEqualTo("refused");
        assertThat(overFile.path("reason").asText()).isEqualTo("the file is larger than the limit of 102400 bytes");
        assertThat(overFile.path("size").asLong()).isGreaterThan(100 * KB);
        assertThat(supervisor.get("/api/v1/tickets/" + number + "/attachments/" + overFile.path("id").asText()).status())
                .isEqualTo(404);
    }

    @Test
    void erasingThePersonRemovesTheFilesOfTheirOrdinaryTicketAndRenamesThoseOfTheirRegulatedRecord() throws Exception {
        byte[] scan = "order form of Wang Fang, 13700002222".getBytes(StandardCharsets.UTF_8);
        String ordinary = imported("invoice.eml", message("Wang Fang <wang.fang@mail.example.cn>", "erase-1@mail.example.cn",
                "Copy of my invoice please", "Please send me a copy of last month's invoice.",
                List.of(part("text/plain", "Wang Fang order.txt", scan))).getBytes(StandardCharsets.UTF_8),
                "erase-1@mail.example.cn");
        String regulated = imported("rash.eml", message("Wang Fang <wang.fang@mail.example.cn>", "erase-2@mail.example.cn",
                "Adverse reaction: rash after the tablets", "I had a skin rash and itching after taking the tablets.",
                List.of(part("image/png", "Wang Fang rash photo.png", "not-really-a-png".getBytes(StandardCharsets.US_ASCII))))
                .getBytes(StandardCharsets.UTF_8), "erase-2@mail.example.cn");
        JsonNode file = byName(list(ordinary), "Wang Fang order.txt");
        String sha = file.path("sha256").asText();
        Path onDisk = server.careLoop().settings().dataDir().resolve("attachments").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4)).resolve(sha);
        assertThat(onDisk).exists();
        String customer = supervisor.get("/api/v1/tickets/" + ordinary).json().path("customer").path("id").asText();
        assertThat(supervisor.get("/api/v1/tickets/" + regulated).json().path("customer").path("id").asText())
                .isEqualTo(customer);

        ApiClient.Response erased = server.client().withToken(server.tokenFor("ada.admin", Role.ADMIN))
                .post("/api/v1/customers/" + customer + "/erase", Map.of("reason", "PIPL request #77"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("ticketsErased").toString()).contains(ordinary);
        assertThat(erased.json().path("regulatedKept").toString()).contains(regulated);
        assertThat(erased.json().path("attachmentsChanged").asInt()).isGreaterThanOrEqualTo(2);
        // the ordinary ticket's files are gone: name, content and download
        JsonNode gone = list(ordinary);
        assertThat(gone.findValuesAsText("fileName")).containsOnly(TicketAttachments.ERASED_NAME);
        assertThat(gone.findValuesAsText("state")).containsOnly("erased");
        assertThat(supervisor.get(file.path("href").asText()).status()).isEqualTo(404);
        assertThat(onDisk).doesNotExist();
        // the regulated record keeps its photo, under a name without the person's
        String pseudonym = erased.json().path("pseudonym").asText();
        JsonNode kept = list(regulated);
        assertThat(kept.findValuesAsText("fileName")).noneMatch(n -> n.contains("Wang Fang"))
                .anyMatch(n -> n.startsWith(pseudonym) && n.endsWith("rash photo.png"));
        JsonNode photo = byName(kept, pseudonym + " rash photo.png");
        assertThat(supervisor.get(photo.path("href").asText()).body()).isEqualTo("not-really-a-png");
    }

    private String imported(String fileName, byte[] content, String messageId) throws InterruptedException {
        Multipart.Answer accepted = Uploads.post(server.base(), "/api/v1/plugins/email/imports", integrator, fileName,
                content, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long runId = accepted.json().path("runId").asLong();
        for (int i = 0; i < 3000; i++) {
            JsonNode run = server.client().withToken(integrator).get("/api/v1/imports/" + runId).json();
            if (run.path("status").asText().equals("done")) {
                assertThat(run.path("accepted").asInt() + run.path("duplicate").asInt()).as(run.toString()).isEqualTo(1);
                return Rows.string(server.careLoop(),
                        "SELECT ticket_number FROM import_ledger WHERE source = 'email' AND source_key = ?", messageId);
            }
            assertThat(run.path("status").asText()).isNotEqualTo("failed");
            Thread.sleep(100);
        }
        throw new AssertionError("import run " + runId + " did not finish");
    }

    private JsonNode list(String number) {
        ApiClient.Response r = supervisor.get("/api/v1/tickets/" + number + "/attachments");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items");
    }

    private static JsonNode byName(JsonNode items, String name) {
        for (JsonNode a : items) {
            if (a.path("fileName").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no attachment " + name + " in " + items);
    }

    private static String part(String type, String name, byte[] content) {
        return "Content-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n";
    }

    private static String message(List<String> parts) {
        return message("Dr. Li <li@clinic.example.cn>", "hostile-1@clinic.example.cn", "Damaged boxes, scans attached",
                "Please see the attached scans of the damaged boxes.", parts);
    }

    private static String message(String from, String messageId, String subject, String text, List<String> parts) {
        List<String> all = new ArrayList<>();
        all.add("Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n");
        all.addAll(parts);
        StringBuilder sb = new StringBuilder("From: " + from + "\r\nTo: service@careloop.example.com\r\n"
                + "Subject: " + subject + "\r\nDate: Mon, 23 Nov 2026 08:00:00 +0800\r\n"
                + "Message-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n");
        for (String p : all) {
            sb.append("--XX\r\n").append(p);
        }
        return sb.append("--XX--\r\n").toString();
    }
}
