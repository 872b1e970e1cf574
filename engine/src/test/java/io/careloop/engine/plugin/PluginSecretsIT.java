package io.careloop.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.plugin.testplugins.LineSource;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin cannot read another plugin's secrets (docs/security.md, "Plugins: the trust model"): the
 * settings the host hands a plugin are read by its own id only, and each secret is sealed (AES-GCM)
 * with its plugin id and key as associated data, so a ciphertext moved to another plugin's row in
 * the database does not open there: the plugin gets an error, never the other plugin's value.
 */
class PluginSecretsIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @TempDir
    Path tmp;

    @OnEveryDatabase
    void eachPluginGetsOnlyItsOwnSecretsAndACopiedCiphertextDoesNotOpen(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        String a = Drafts.unique("plugin-a");
        String b = Drafts.unique("plugin-b");
        PluginJars.write(dir, a, "1.0.0", ">=1.0.0 & <2.0.0", LineSource.class);
        PluginJars.write(dir, b, "1.0.0", ">=1.0.0 & <2.0.0", LineSource.class);
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults())) {
            PluginSettingsStore store = h.host().settingsStore();
            store.update(a, h.host().schema(a), Map.of("token", "token-of-a"), "integrator");
            store.update(b, h.host().schema(b), Map.of("token", "token-of-b"), "integrator");

            assertThat(h.host().settingsOf(a).values()).containsEntry("token", "token-of-a")
                    .doesNotContainValue("token-of-b");
            assertThat(h.host().settingsOf(b).values()).containsEntry("token", "token-of-b")
                    .doesNotContainValue("token-of-a");

            // someone with database access copies b's sealed token into a's row
            String sealedB = Rows.string(careLoop, "SELECT setting_value FROM plugin_setting WHERE plugin_id = ? "
                    + "AND setting_key = 'token'", b);
            try (Connection c = careLoop.database().dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("UPDATE plugin_setting SET setting_value = ? "
                         + "WHERE plugin_id = ? AND setting_key = 'token'")) {
                s.setString(1, sealedB);
                s.setString(2, a);
                assertThat(s.executeUpdate()).isEqualTo(1);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }

            assertThatThrownBy(() -> h.host().settingsOf(a)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not decrypt").hasMessageNotContaining("token-of-b");
            assertThat(h.host().settingsOf(b).get("token")).isEqualTo("token-of-b");
        }
    }
}
