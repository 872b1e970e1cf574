package io.careloop.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.plugin.testplugins.FlakySource;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that failed on a transient error (the plugin's file share was away) is tried again by
 * itself with back-off, showing "retrying" and its attempt in between, and ends done with every
 * item taken in once; a poison file fails at once and is not retried.
 */
class ImportRetryIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    private static final ImportRetry FAST = new ImportRetry(4, Duration.ofMillis(300), Duration.ofSeconds(2));

    @TempDir
    Path tmp;

    @OnEveryDatabase
    void aTransientFailureIsRetriedWithBackOffUntilTheRunIsDone(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        String id = Drafts.unique("flaky");
        String k = Drafts.unique("row");
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), plugin(id), PluginHost.Limits.defaults());
             ImportRuns runs = runs(careLoop, h, db)) {
            settings(h, id, 2);
            ImportRun started = runs.start(id, "rows.txt", null, input(k + "-1\n" + k + "-2\n" + k + "-3\n"), "ivy");
            List<String> seen = new ArrayList<>();
            ImportRun run = started;
            for (int i = 0; i < 300 && !"done".equals(run.status()) && !"failed".equals(run.status()); i++) {
                Thread.sleep(50);
                run = runs.find(started.id());
                seen.add(run.status() + "#" + run.attempts());
            }
            assertThat(run.status()).as(seen.toString()).isEqualTo("done");
            assertThat(run.attempts()).isEqualTo(3);
            assertThat(seen).contains("retrying#1", "retrying#2");
            assertThat(List.of(run.read(), run.accepted() + run.duplicate(), run.rejected())).containsExactly(3L, 3L, 0L);
            assertThat(io.careloop.engine.testing.Rows.count(careLoop,
                    "SELECT COUNT(*) FROM import_ledger WHERE source = ? AND source_key LIKE ?", id, k + "-%")).isEqualTo(3);
        }
    }

    @OnEveryDatabase
    void aPoisonFileFailsAtOnceAndIsNotRetried(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        String id = Drafts.unique("poison");
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), plugin(id), PluginHost.Limits.defaults());
             ImportRuns runs = runs(careLoop, h, db)) {
            settings(h, id, 0);
            ImportRun started = runs.start(id, "bad.txt", null, input("POISON\n"), "ivy");
            assertThat(runs.await(started.id(), 30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1000); // longer than the first back-off: a retry would show
            ImportRun run = runs.find(started.id());
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.attempts()).isEqualTo(1);
            assertThat(run.error()).contains("not a file this importer reads");
            assertThat(Files.readString(tmp.resolve(id + ".count")).strip()).isEqualTo("1");
        }
    }

    private Path plugin(String id) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins-" + id));
        PluginJars.write(dir, id, "1.0.0", ">=1.0.0 & <2.0.0", FlakySource.class);
        return dir;
    }

    private void settings(Hosted h, String id, int failures) {
        h.host().settingsStore().update(id, h.host().schema(id), Map.of("counter", tmp.resolve(id + ".count").toString(),
                "failures", String.valueOf(failures)), "integrator");
    }

    private ImportRuns runs(CareLoop careLoop, Hosted h, Kind db) {
        return new ImportRuns(h.host(), h.calls(), careLoop.inbound(), careLoop.transactions(), careLoops.clock(db),
                tmp.resolve("data"), PluginHost.Limits.defaults(), FAST);
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
