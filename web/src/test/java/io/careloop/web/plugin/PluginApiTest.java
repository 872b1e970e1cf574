package io.careloop.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.config.Settings;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.Multipart;
import io.careloop.web.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin API over HTTP with the bundled plugins the build produced (web/target/plugins):
 * an integrator uploads a call log, gets 202 and a run id, follows the run to its counts, reads
 * the quarantined rows and replays a corrected one; an agent is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginApiTest {

    @TempDir
    static Path plugins;

    private TestServer server;
    private String integrator;
    private ApiClient api;
    private ApiClient supervisor;

    @BeforeAll
    void start() throws IOException {
        Path built = Path.of("target", "plugins");
        List<String> copied = new ArrayList<>();
        if (Files.isDirectory(built)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(built, "*.jar")) {
                for (Path jar : jars) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                    copied.add(jar.getFileName().toString());
                }
            }
        }
        assertThat(copied).as("the build copies the plugin archives to web/target/plugins before web's tests")
                .anyMatch(n -> n.contains("phone-log"));
        Settings base = TestCareLoop.settings(TestDatabases.Kind.H2, getClass().getSimpleName());
        Settings settings = new Settings(0, base.dataDir(), base.dbUrl(), base.dbUser(), base.dbPassword(), base.dbPoolSize(),
                plugins, false, null, false, base.autoCloseAfter(), base.sessionIdle(), base.sessionAbsolute(), base.bcryptCost());
        server = TestServer.start(settings);
        integrator = server.tokenFor("ivy.integrator", Role.INTEGRATOR);
        api = server.client().withToken(integrator);
        // integrators manage plugins but do not read tickets: the effects are checked as a supervisor
        supervisor = server.client().withToken(server.tokenFor("sam.supervisor", Role.SUPERVISOR));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theBundledPluginsAreListedWithIdAndState() {
        JsonNode items = api.get("/api/v1/plugins").json().path("items");
        assertThat(items.findValuesAsText("id")).contains("phone-log", "survey-import", "example");
        for (JsonNode p : items) {
            if (p.path("id").asText().equals("phone-log")) {
                assertThat(p.path("state").asText()).isEqualTo("started");
                assertThat(p.path("imports").asBoolean()).isTrue();
                assertThat(p.path("presets").findValuesAsText("id")).contains("asterisk", "callcenter");
            }
        }
    }

    @Test
    void anUploadedPluginShowsTheChecksumOfItsArchiveAndTheUploadIsAudited() throws Exception {
        Path archive;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, "*example*.jar")) {
            archive = jars.iterator().next();
        }
        byte[] bytes = Files.readAllBytes(archive);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));

        Multipart.Answer up = new Multipart().file("file", archive.getFileName().toString(), "application/java-archive", bytes)
                .post(server.base(), "/api/v1/plugins", integrator);

        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().path("sha256").asText()).isEqualTo(sha256);
        JsonNode listed = null;
        for (JsonNode p : api.get("/api/v1/plugins").json().path("items")) {
            if (p.path("id").asText().equals(up.json().path("id").asText())) {
                listed = p;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("sha256").asText()).isEqualTo(sha256);
        assertThat(io.careloop.engine.testing.Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE "
                + "action = 'plugin.uploaded' AND entity_id = ? AND actor = 'ivy.integrator' AND after_state LIKE ?",
                up.json().path("id").asText(), "%" + sha256 + "%")).isEqualTo(1);
    }

    @Test
    void anAgentMayNotManagePluginsOrImport() throws Exception {
        ApiClient agent = server.client().withToken(server.tokenFor("al.agent", Role.AGENT));
        assertThat(agent.get("/api/v1/plugins").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/imports/1").status()).isEqualTo(403);
        assertThat(Uploads.post(server.base(), "/api/v1/plugins/phone-log/imports", server.tokenFor("bo.agent", Role.AGENT),
                "calls.csv", "x".getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(403);
    }

    @Test
    void aCallLogUploadRunsToItsCountsAndItsCallsBecomeTicketsAndCallBacks() throws Exception {
        byte[] file = sample("asterisk-Master.csv");
        Multipart.Answer accepted = Uploads.post(server.base(), "/api/v1/plugins/phone-log/imports", integrator,
                "Master.csv", file, "asterisk");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long runId = accepted.json().path("runId").asLong();

        JsonNode run = finished(runId);
        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(List.of(run.path("read").asInt(), run.path("accepted").asInt(), run.path("duplicate").asInt(),
                run.path("rejected").asInt())).containsExactly(8, 8, 0, 0);
        assertThat(run.path("progress").asDouble()).isEqualTo(1.0);

        // the first call's notes opened a ticket for 张医生; the follow-up call the next day landed on it
        String number = ledger("1762045272.1");
        assertThat(ledger("1762131300.9")).isEqualTo(number);
        JsonNode ticket = supervisor.get("/api/v1/tickets/" + number).json();
        assertThat(ticket.toString()).contains("肌肉疼痛").contains("回访");
        assertThat(ticket.path("channel").asText()).isEqualTo("phone");
        // the unanswered and the busy call are call-back tasks; the anonymous failed one is only counted
        String callBack = ledger("1762048964.5");
        assertThat(supervisor.get("/api/v1/tickets/" + callBack).json().path("subject").asText()).contains("02188886666");
        assertThat(ledger("1762058410.8")).isNotNull();
        assertThat(ledger("1762179000.13")).isNull();

        Multipart.Answer again = Uploads.post(server.base(), "/api/v1/plugins/phone-log/imports", integrator,
                "Master.csv", file, "asterisk");
        JsonNode second = finished(again.json().path("runId").asLong());
        assertThat(List.of(second.path("read").asInt(), second.path("accepted").asInt(), second.path("duplicate").asInt()))
                .containsExactly(8, 0, 8);
    }

    @Test
    void aMalformedRowIsQuarantinedWithItsRowAndReasonAndReplayedAfterAFix() throws Exception {
        String csv = "通话ID,开始时间,主叫号码,被叫号码,方向,时长(秒),结果,坐席,客户姓名,备注\r\n"
                + "Q-1,2026-11-06 09:00:00,13700009999,4008001234,呼入,60,已接通,周敏,钱医生,询问药品储存温度\r\n"
                + "Q-2,2026-11-06 25:61:00,13700008888,4008001234,呼入,60,已接通,周敏,孙药师,说明书缺页\r\n";
        Multipart.Answer up = Uploads.post(server.base(), "/api/v1/plugins/phone-log/imports", integrator, "export.csv",
                csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(up.status()).isEqualTo(202);
        long runId = up.json().path("runId").asLong();
        JsonNode run = finished(runId);
        assertThat(List.of(run.path("read").asInt(), run.path("accepted").asInt(), run.path("rejected").asInt()))
                .containsExactly(2, 1, 1);

        JsonNode rejections = api.get("/api/v1/imports/" + runId + "/rejections").json().path("items");
        assertThat(rejections).hasSize(1);
        JsonNode r = rejections.get(0);
        assertThat(r.path("row").asInt()).isEqualTo(3);
        assertThat(r.path("field").asText()).isEqualTo("start");
        assertThat(r.path("message").asText()).contains("25:61");
        assertThat(r.path("raw").asText()).startsWith("Q-2,2026-11-06 25:61:00");
        // the caller's number is personal data: the integrator reads it masked (docs/security.md), the read is audited
        assertThat(r.path("raw").asText()).contains(",*******8888,").doesNotContain("13700008888");
        assertThat(io.careloop.engine.testing.Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE "
                + "action = 'rejection-list.read' AND actor = 'ivy.integrator' AND after_state LIKE ?",
                "%\"ids\":[" + r.path("id").asLong() + "]%")).isEqualTo(1);

        long rejectionId = r.path("id").asLong();
        String fixed = r.path("raw").asText().replace("25:61:00", "10:15:00");
        ApiClient.Response replay = api.post("/api/v1/imports/" + runId + "/replay",
                Map.of("rejections", List.of(rejectionId), "corrected", Map.of(String.valueOf(rejectionId), fixed)));
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        JsonNode replayed = finished(replay.json().path("runId").asLong());
        assertThat(List.of(replayed.path("read").asInt(), replayed.path("accepted").asInt(), replayed.path("rejected").asInt()))
                .containsExactly(1, 1, 0);
        assertThat(replayed.path("replayOf").asLong()).isEqualTo(runId);
        assertThat(ledger("Q-2")).isNotNull();
        // the row was sent back with the mask it was shown: the stored number went in, not the mask
        assertThat(supervisor.get("/api/v1/tickets/" + ledger("Q-2")).body()).contains("13700008888")
                .doesNotContain("*******8888");
        assertThat(api.get("/api/v1/imports/" + runId + "/rejections").json().path("items").get(0).path("state").asText())
                .isEqualTo("replayed");
    }

    @Test
    void aSurveyExportRecordsTheResponseOnItsTicketAndQuarantinesTheUnknownTicket() throws Exception {
        String number = server.careLoop().intake().intake(new io.careloop.engine.intake.TicketDraft("药品延迟送达", "",
                io.careloop.engine.ticket.Channel.PHONE, null, null, null, null, null, null, null), "api", null, "test")
                .ticket().number();
        String csv = "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、工单编号,2、您对本次服务的满意度(1-5分),"
                + "3、您向同事推荐我们的可能性有多大?(0-10分),4、您还有什么建议?\r\n"
                + "1,2026/11/05 10:12:33,45秒,微信,N/A,223.104.3.10(上海-上海)," + number + ",5,10,回复很快\r\n"
                + "2,2026/11/06 09:20:10,60秒,微信,N/A,223.104.3.11(上海-上海),CL-2099-999999,1,0,工单号不存在\r\n";
        Multipart.Answer up = Uploads.post(server.base(), "/api/v1/plugins/survey-import/imports", integrator, "wjx.csv",
                csv.getBytes(java.nio.charset.Charset.forName("GB18030")), "wenjuanxing");
        assertThat(up.status()).as(up.body()).isEqualTo(202);
        long runId = up.json().path("runId").asLong();
        JsonNode run = finished(runId);
        assertThat(List.of(run.path("read").asInt(), run.path("accepted").asInt(), run.path("rejected").asInt()))
                .containsExactly(2, 1, 1);
        assertThat(supervisor.get("/api/v1/tickets/" + number).json().toString()).contains("CSAT 5").contains("回复很快");
        JsonNode rejected = api.get("/api/v1/imports/" + runId + "/rejections").json().path("items").get(0);
        assertThat(rejected.path("row").asInt()).isEqualTo(3);
        assertThat(rejected.path("field").asText()).isEqualTo("ticketNumber");
        assertThat(rejected.path("message").asText()).contains("CL-2099-999999");
    }

    @Test
    void anUnknownPresetOrAMissingFileIsAProblemWithItsField() throws Exception {
        Multipart.Answer bad = Uploads.post(server.base(), "/api/v1/plugins/phone-log/imports", integrator, "x.csv",
                "a".getBytes(StandardCharsets.UTF_8), "nokia");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("preset");
        ApiClient.Response noFile = api.post("/api/v1/plugins/phone-log/imports", Map.of("file", "x"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().path("field").asText()).isEqualTo("file");
        assertThat(api.get("/api/v1/imports/999999").status()).isEqualTo(404);
    }

    /** Polls the run as a client would until it is over (bounded: a run that never ends fails the test). */
    private JsonNode finished(long runId) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            JsonNode run = api.get("/api/v1/imports/" + runId).json();
            String status = run.path("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not finish");
    }

    private String ledger(String callId) {
        return io.careloop.engine.testing.Rows.string(server.careLoop(),
                "SELECT ticket_number FROM import_ledger WHERE source = 'phone-log' AND source_key = ?", callId);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = PluginApiTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
