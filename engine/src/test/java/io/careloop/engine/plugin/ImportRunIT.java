package io.careloop.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.plugin.testplugins.LineSource;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import runs through a real plugin jar: counts, quarantine with row number, field and raw
 * input, a re-import that changes nothing, and a replay of a corrected row.
 */
class ImportRunIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @TempDir
    Path tmp;

    @OnEveryDatabase
    void aRunCountsQuarantinesReimportsAsDuplicatesAndReplaysACorrectedRow(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String id = Drafts.unique("lines");
        PluginJars.write(dir, id, "1.0.0", ">=1.0.0 & <2.0.0", LineSource.class);
        String k = Drafts.unique("row");
        String file = "key;subject\n" + k + "-1;Leaflet missing\n" + k + "-2;\n" + k + "-3;Carton damaged\n";
        long ticketsBefore = Rows.total(careLoop, "ticket");

        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults())) {
            ImportRun first = run(h, id, file);
            assertThat(first.status()).isEqualTo("done");
            assertThat(List.of(first.read(), first.accepted(), first.duplicate(), first.rejected()))
                    .containsExactly(3L, 2L, 0L, 1L);
            assertThat(first.progress()).isEqualTo(1.0);
            assertThat(first.progressDone()).isEqualTo(file.getBytes(StandardCharsets.UTF_8).length);
            assertThat(Rows.total(careLoop, "ticket")).isEqualTo(ticketsBefore + 2);

            List<Rejection> quarantined = h.runs().rejections(first.id(), 0, 100);
            assertThat(quarantined).singleElement().satisfies(r -> {
                assertThat(r.position()).isEqualTo(3);
                assertThat(r.field()).isEqualTo("subject");
                assertThat(r.message()).contains("subject is missing");
                assertThat(r.raw()).isEqualTo(k + "-2;");
                assertThat(r.state()).isEqualTo("open");
            });

            ImportRun again = run(h, id, file);
            assertThat(List.of(again.read(), again.accepted(), again.duplicate(), again.rejected()))
                    .containsExactly(3L, 0L, 2L, 1L);
            assertThat(Rows.total(careLoop, "ticket")).isEqualTo(ticketsBefore + 2);

            Rejection bad = quarantined.get(0);
            ImportRun replay = h.runs().replay(first.id(), List.of(bad.id()), Map.of(bad.id(), k + "-2;Wrong strength on label"),
                    "integrator");
            assertThat(h.runs().await(replay.id(), 60, TimeUnit.SECONDS)).isTrue();
            ImportRun replayed = h.runs().find(replay.id());
            assertThat(replayed.replayOf()).isEqualTo(first.id());
            assertThat(List.of(replayed.read(), replayed.accepted(), replayed.rejected())).containsExactly(1L, 1L, 0L);
            assertThat(Rows.total(careLoop, "ticket")).isEqualTo(ticketsBefore + 3);
            assertThat(Rows.string(careLoop, "SELECT subject FROM ticket t JOIN import_ledger l ON l.ticket_number = t.number "
                    + "WHERE l.source = ? AND l.source_key = ?", id, k + "-2")).isEqualTo("Wrong strength on label");
            assertThat(h.runs().rejections(first.id(), 0, 100)).singleElement()
                    .satisfies(r -> {
                        assertThat(r.state()).isEqualTo("replayed");
                        assertThat(r.replayRun()).isEqualTo(replay.id());
                    });
        }
    }

    @OnEveryDatabase
    void settingsKeepSecretsEncryptedAtRestAndReachThePlugin(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String id = Drafts.unique("secret");
        PluginJars.write(dir, id, "1.0.0", ">=1.0.0 & <2.0.0", LineSource.class);
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults())) {
            PluginSettingsStore store = h.host().settingsStore();
            store.update(id, h.host().schema(id), Map.of("token", "s3cr3t-token", "prefix", id), "integrator");

            String atRest = Rows.string(careLoop, "SELECT setting_value FROM plugin_setting WHERE plugin_id = ? AND setting_key = 'token'", id);
            assertThat(atRest).startsWith("v1:").doesNotContain("s3cr3t");
            List<Map<String, Object>> form = store.form(id, h.host().schema(id));
            assertThat(form).filteredOn(f -> f.get("key").equals("token")).singleElement()
                    .satisfies(f -> {
                        assertThat(f).containsEntry("set", true).doesNotContainKey("value");
                        assertThat(f.toString()).doesNotContain("s3cr3t");
                    });
            assertThat(h.host().settingsOf(id).get("token")).isEqualTo("s3cr3t-token");
            // an empty secret from a form keeps the stored one
            store.update(id, h.host().schema(id), Map.of("token", ""), "integrator");
            assertThat(h.host().settingsOf(id).get("token")).isEqualTo("s3cr3t-token");

            assertThat(h.poller().pollDue()).isGreaterThanOrEqualTo(1);
            assertThat(Rows.string(careLoop, "SELECT t.description FROM ticket t JOIN import_ledger l ON l.ticket_number = t.number "
                    + "WHERE l.source = ? AND l.source_key = ?", id, id + "-1")).isEqualTo("token set: true");

            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            store.update(id, h.host().schema(id), Map.of("every", "5 minutes"), "integrator"))
                    .isInstanceOf(io.careloop.engine.error.InvalidInputException.class)
                    .hasMessageContaining("ISO-8601")
                    .extracting(e -> ((io.careloop.engine.error.InvalidInputException) e).field()).isEqualTo("every");
        }
    }

    @OnEveryDatabase
    void pluginsStopDisableEnableAndUploadAtRuntimeAndTheSwitchOutlivesTheHost(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String id = Drafts.unique("switch");
        PluginJars.write(dir, id, "1.0.0", ">=1.0.0 & <2.0.0", LineSource.class);
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults())) {
            assertThat(h.host().stop(id, "integrator").state()).isEqualTo("stopped");
            assertThat(h.host().sources(id)).isEmpty();
            assertThat(h.host().start(id, "integrator").state()).isEqualTo("started");
            assertThat(h.host().disable(id, "integrator").state()).isEqualTo("disabled");
        }
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults())) {
            assertThat(h.host().get(id).state()).isEqualTo("disabled");
            assertThat(h.host().enable(id, "integrator").state()).isEqualTo("started");

            Path upload = tmp.resolve("upload.jar");
            PluginJars.writeTo(upload, id, "1.1.0", ">=1.0.0 & <2.0.0", LineSource.class);
            try (var in = Files.newInputStream(upload)) {
                PluginInfo replaced = h.host().upload(id + "-1.0.0.jar", in, "integrator");
                assertThat(replaced.version()).isEqualTo("1.1.0");
                assertThat(replaced.state()).isEqualTo("started");
            }
            assertThat(h.host().reload(id, "integrator").version()).isEqualTo("1.1.0");
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    h.host().upload("../evil.sh", new ByteArrayInputStream(new byte[1]), "integrator"))
                    .isInstanceOf(io.careloop.engine.error.InvalidInputException.class);
        }
    }

    private static ImportRun run(Hosted h, String id, String file) throws InterruptedException {
        ImportRun run = h.runs().start(id, "rows.txt", "lines", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "integrator");
        assertThat(run.status()).isIn("queued", "running");
        assertThat(h.runs().await(run.id(), 60, TimeUnit.SECONDS)).isTrue();
        return h.runs().find(run.id());
    }
}
