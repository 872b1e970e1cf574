package io.careloop.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.plugin.testplugins.HangingSource;
import io.careloop.engine.plugin.testplugins.LineSource;
import io.careloop.engine.plugin.testplugins.ThrowingSource;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that throws and one that hangs, built as real plugin jars beside a good one: their
 * calls are recorded as incidents and retried with back-off, the hanging call is interrupted at
 * its time limit, and the good plugin and the engine go on.
 */
class PluginIsolationIT {

    private static final String API = ">=1.0.0 & <2.0.0";

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @TempDir
    Path tmp;

    @OnEveryDatabase
    void aThrowingAndAHangingPluginAreRecordedAndBackedOffWhileTheGoodOneAndTheEngineGoOn(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String good = Drafts.unique("good");
        String throwing = Drafts.unique("throws");
        String hanging = Drafts.unique("hangs");
        PluginJars.write(dir, good, "1.0.0", API, LineSource.class);
        PluginJars.write(dir, throwing, "1.0.0", API, ThrowingSource.class);
        PluginJars.write(dir, hanging, "1.0.0", API, HangingSource.class);
        PluginHost.Limits limits = new PluginHost.Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofHours(1));

        // a first intake warms the engine up, so that the good plugin's first call is not slow for reasons of its own
        careLoop.intake().intake(Drafts.ticket(Drafts.unique("warm-up"), Drafts.doctor("Dr Warm", null)), "api", null, "test");
        try (Hosted h = Hosted.over(careLoop, clock, dir, limits)) {
            assertThat(h.host().list()).extracting(PluginInfo::id, PluginInfo::state)
                    .contains(org.assertj.core.groups.Tuple.tuple(good, "started"),
                            org.assertj.core.groups.Tuple.tuple(throwing, "started"),
                            org.assertj.core.groups.Tuple.tuple(hanging, "started"));

            Instant first = clock.instant();
            assertThat(h.poller().pollDue()).isEqualTo(3);

            // the good plugin's item became a ticket
            String ticket = Rows.string(careLoop, "SELECT ticket_number FROM import_ledger WHERE source = ? AND source_key = ?",
                    good, "poll-1");
            assertThat(ticket).isNotNull();
            assertThat(careLoop.tickets().find(ticket).subject()).isEqualTo("Polled item 1");
            // the broken ones are recorded, not fatal
            assertThat(incidents(careLoop, throwing, "error")).isEqualTo(1);
            assertThat(Rows.string(careLoop, "SELECT message FROM plugin_incident WHERE plugin_id = ?", throwing))
                    .contains("mailbox unreachable");
            assertThat(incidents(careLoop, hanging, "timeout")).isEqualTo(1);
            assertThat(Rows.string(careLoop, "SELECT message FROM plugin_incident WHERE plugin_id = ?", hanging))
                    .contains("interrupted");
            PluginInfo broken = h.host().get(throwing);
            assertThat(broken.state()).isEqualTo("started");
            assertThat(broken.failures()).isEqualTo(1);
            assertThat(broken.lastError()).contains("mailbox unreachable");
            assertThat(broken.nextPollAt()).isEqualTo(first.plus(Duration.ofMinutes(2)));

            // a minute later only the good plugin is due: the broken ones back off
            clock.advance(Duration.ofSeconds(61));
            assertThat(h.poller().pollDue()).isEqualTo(1);
            assertThat(Rows.string(careLoop, "SELECT ticket_number FROM import_ledger WHERE source = ? AND source_key = ?",
                    good, "poll-2")).isNotNull();
            assertThat(incidents(careLoop, throwing, "error")).isEqualTo(1);

            // after the back-off the broken ones are retried, and back off further
            clock.advance(Duration.ofMinutes(1));
            assertThat(h.poller().pollDue()).isEqualTo(3);
            assertThat(incidents(careLoop, throwing, "error")).isEqualTo(2);
            assertThat(incidents(careLoop, hanging, "timeout")).isEqualTo(2);
            assertThat(h.host().get(throwing).failures()).isEqualTo(2);
            assertThat(h.host().get(throwing).nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));
            assertThat(h.host().get(good).failures()).isZero();
        }
    }

    @OnEveryDatabase
    void aHangingImportIsInterruptedAndItsRunFailsWithTheReason(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String hanging = Drafts.unique("hangs");
        PluginJars.write(dir, hanging, "1.0.0", API, HangingSource.class);
        PluginHost.Limits limits = new PluginHost.Limits(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofHours(1));
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, limits)) {
            ImportRun run = h.runs().start(hanging, "calls.csv", null,
                    new java.io.ByteArrayInputStream("a\nb\n".getBytes()), "integrator");
            assertThat(h.runs().await(run.id(), 30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            ImportRun after = h.runs().find(run.id());
            assertThat(after.status()).isEqualTo("failed");
            assertThat(after.error()).contains("time limit");
            assertThat(incidents(careLoop, hanging, "timeout")).isEqualTo(1);
        }
    }

    @OnEveryDatabase
    void aRunStillGoingWhenTheHostStopsIsLeftFailedNotRunning(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String hanging = Drafts.unique("hangs");
        PluginJars.write(dir, hanging, "1.0.0", API, HangingSource.class);
        long runId;
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults())) {
            runId = h.runs().start(hanging, "calls.csv", null, new java.io.ByteArrayInputStream("a\n".getBytes()),
                    "integrator").id();
            for (int i = 0; i < 600 && !"running".equals(Rows.string(careLoop, "SELECT status FROM import_run WHERE id = ?",
                    runId)); i++) {
                Thread.sleep(50);
            }
        }
        assertThat(Rows.string(careLoop, "SELECT status FROM import_run WHERE id = ?", runId)).isEqualTo("failed");
        assertThat(Rows.string(careLoop, "SELECT error FROM import_run WHERE id = ?", runId)).contains("interrupted");
    }

    @OnEveryDatabase
    void aPluginBuiltForAnotherApiVersionIsNotStarted(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String future = Drafts.unique("future");
        String good = Drafts.unique("good");
        PluginJars.write(dir, future, "1.0.0", ">=2.0.0", LineSource.class);
        PluginJars.write(dir, good, "1.0.0", API, LineSource.class);
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults())) {
            List<PluginInfo> all = h.host().list();
            assertThat(all).filteredOn(p -> p.id().equals(future)).allMatch(p -> !p.state().equals("started"));
            assertThat(h.host().get(good).state()).isEqualTo("started");
            assertThat(h.host().started()).doesNotContain(future);
        }
    }

    private static long incidents(CareLoop careLoop, String pluginId, String kind) {
        return Rows.count(careLoop, "SELECT COUNT(*) FROM plugin_incident WHERE plugin_id = ? AND kind = ?", pluginId, kind);
    }
}
