package io.careloop.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.plugin.testplugins.OutboxChannel;
import io.careloop.engine.report.schedule.ReportDelivery;
import io.careloop.engine.report.schedule.ReportSchedule;
import io.careloop.engine.report.schedule.ScheduleInput;
import io.careloop.engine.report.schedule.WeeklyReports;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly report end to end through an e-mail channel plugin (the test outbox): two nodes tick
 * at the same time and one sends; a failed send is recorded, audited, visible and retried; the
 * mail carries the KPI summary and the XLSX.
 */
class WeeklyReportIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @TempDir
    Path tmp;

    @OnEveryDatabase
    void twoNodesSendTheWeeklyReportOnceAndAFailedSendIsRetried(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path outbox = tmp.resolve("outbox"); // not there yet: the first send fails
        String id = Drafts.unique("mail");
        PluginJars.write(dir, id, "1.0.0", ">=1.1.0 & <2.0.0", OutboxChannel.class);
        try (Hosted h = Hosted.over(careLoop, clock, dir, PluginHost.Limits.defaults())) {
            h.host().settingsStore().update(id, h.host().schema(id), Map.of("outbox", outbox.toString()), "integrator");
            Outbound outbound = new Outbound(h.host(), h.calls(), careLoop.transactions(), Duration.ofSeconds(30));
            WeeklyReports a = new WeeklyReports(careLoop.transactions(), careLoop.reports(), careLoop.audit(),
                    outbound::sendNotification, clock, "node-a");
            WeeklyReports b = new WeeklyReports(careLoop.transactions(), careLoop.reports(), careLoop.audit(),
                    outbound::sendNotification, clock, "node-b");

            // Monday 10:00 in Shanghai; the clock stands at Monday 09:00 there (01:00Z)
            clock.set(Instant.parse("2026-03-02T01:00:00Z"));
            ReportSchedule s = careLoop.reportSchedules().create(new ScheduleInput("Service desk " + db, 1, "10:00",
                    "Asia/Shanghai", List.of("wang.manager@pharma.example.cn", " qa@pharma.example.cn "), null, null, null,
                    null, null, true, null), "zhou.supervisor");
            assertThat(s.recipientList()).containsExactly("wang.manager@pharma.example.cn", "qa@pharma.example.cn");
            assertThat(both(a, b)).as("not due yet; last week's time was before the schedule existed").isZero();

            // 10:00:30: both nodes tick at once; one claims it, its send fails (no outbox)
            clock.set(Instant.parse("2026-03-02T02:00:30Z"));
            assertThat(both(a, b)).isZero();
            List<ReportDelivery> ds = careLoop.reportSchedules().deliveries(s.id());
            assertThat(ds).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo("failed");
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.lastError()).isNotBlank();
                assertThat(d.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-02T02:05:30Z"));
                assertThat(d.periodFrom()).hasToString("2026-02-23");
                assertThat(d.periodTo()).hasToString("2026-03-01");
            });
            assertThat(audits(careLoop, s, "report.weekly-failed")).isEqualTo(1);

            // before the retry time nothing happens; after it, one node sends
            Files.createDirectories(outbox);
            clock.set(Instant.parse("2026-03-02T02:03:00Z"));
            assertThat(both(a, b)).isZero();
            clock.set(Instant.parse("2026-03-02T02:06:00Z"));
            assertThat(both(a, b)).isEqualTo(1);
            assertThat(both(a, b)).as("sent is sent").isZero();
            ReportDelivery sent = careLoop.reportSchedules().deliveries(s.id()).get(0);
            assertThat(sent.status()).isEqualTo("sent");
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.messageId()).isEqualTo("<weekly-report-" + s.id() + "-2026-03-02@careloop.test>");
            assertThat(audits(careLoop, s, "report.weekly-sent")).isEqualTo(1);

            String key = "weekly-report-" + s.id() + "-2026-03-02";
            String mail = Files.readString(outbox.resolve(key + ".txt"), StandardCharsets.UTF_8);
            assertThat(mail).startsWith("wang.manager@pharma.example.cn,qa@pharma.example.cn\n")
                    .contains("2026-02-23 – 2026-03-01", "volume in: ", "SLA first response met %: ");
            Path xlsx = outbox.resolve(key + "-careloop-weekly-2026-02-23_2026-03-01.xlsx");
            assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K');
            try (Stream<Path> files = Files.list(outbox)) {
                assertThat(files).hasSize(2);
            }

            // a week later: the next report, once
            clock.set(Instant.parse("2026-03-09T02:01:00Z"));
            assertThat(both(a, b)).isEqualTo(1);
            assertThat(careLoop.reportSchedules().deliveries(s.id())).hasSize(2);
        }
    }

    /** Both nodes tick at the same moment; answers how many reports they sent together. */
    private static int both(WeeklyReports a, WeeklyReports b) {
        CompletableFuture<Integer> x = CompletableFuture.supplyAsync(a::tick);
        CompletableFuture<Integer> y = CompletableFuture.supplyAsync(b::tick);
        return x.join() + y.join();
    }

    private static long audits(CareLoop careLoop, ReportSchedule s, String action) {
        return Rows.count(careLoop, "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'report-schedule' AND entity_id = ? "
                + "AND action = ?", s.id().toString(), action);
    }
}
