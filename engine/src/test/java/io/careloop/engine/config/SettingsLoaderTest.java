package io.careloop.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration: built-in defaults, then the configuration file, then environment variables. */
class SettingsLoaderTest {

    @Test
    void withoutAnyConfigurationCareLoopRunsOnAnH2FileInTheDataDirectory() {
        Settings s = SettingsLoader.fromProperties(defaults(), Map.of());

        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.dbUrl()).startsWith("jdbc:h2:file:" + Path.of("./data").toAbsolutePath().normalize().resolve("careloop"));
        assertThat(s.postgres()).isFalse();
        assertThat(s.dbUser()).isEqualTo("sa");
        assertThat(s.dbPassword()).isEmpty();
        assertThat(s.dbPoolSize()).isEqualTo(16);
        assertThat(s.demo()).isFalse();
        assertThat(s.adminPassword()).isNull();
        assertThat(s.jobExecutor()).isTrue();
        assertThat(s.autoCloseAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(s.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.sessionAbsolute()).isEqualTo(Duration.ofHours(12));
        assertThat(s.bcryptCost()).isEqualTo(10);
    }

    @Test
    void environmentVariablesOverrideEverySetting() {
        Settings s = SettingsLoader.fromProperties(defaults(), Map.of(
                "CARELOOP_HTTP_PORT", "9090",
                "CARELOOP_DATA_DIR", "/var/lib/careloop",
                "CARELOOP_DB_URL", "jdbc:postgresql://db.internal:5432/careloop",
                "CARELOOP_DB_USER", "careloop",
                "CARELOOP_DB_PASSWORD", "s3cret",
                "CARELOOP_PLUGINS_DIR", "/opt/careloop/plugins",
                "CARELOOP_DEMO", "true",
                "CARELOOP_ADMIN_PASSWORD", "first-admin-password",
                "CARELOOP_DB_POOL_SIZE", "32",
                "CARELOOP_AUTO_CLOSE_AFTER", "P14D"));

        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/careloop"));
        assertThat(s.dbUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/careloop");
        assertThat(s.postgres()).isTrue();
        assertThat(s.dbUser()).isEqualTo("careloop");
        assertThat(s.dbPassword()).isEqualTo("s3cret");
        assertThat(s.pluginsDir()).isEqualTo(Path.of("/opt/careloop/plugins"));
        assertThat(s.demo()).isTrue();
        assertThat(s.adminPassword()).isEqualTo("first-admin-password");
        assertThat(s.dbPoolSize()).isEqualTo(32);
        assertThat(s.autoCloseAfter()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void theDataDirectoryMovesTheDefaultH2FileWithIt() {
        Settings s = SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_DATA_DIR", "/srv/careloop-data"));

        assertThat(s.dbUrl()).startsWith("jdbc:h2:file:/srv/careloop-data/careloop;");
        assertThat(s.dbUser()).isEqualTo("sa");
    }

    @Test
    void aPostgresqlUrlWithoutAUserLeavesTheUserToTheDriver() {
        Settings s = SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_DB_URL", "jdbc:postgresql://localhost/careloop"));

        assertThat(s.dbUser()).isNull();
    }

    @Test
    void blankEnvironmentVariablesAreIgnored() {
        Settings s = SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_HTTP_PORT", "  ", "CARELOOP_ADMIN_PASSWORD", ""));

        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.adminPassword()).isNull();
    }

    @Test
    void theConfigurationFileOverridesTheDefaultsAndTheEnvironmentOverridesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("careloop.properties");
        Files.writeString(file, """
                careloop.http.port=7070
                careloop.session.idle=PT15M
                careloop.demo=true
                """, StandardCharsets.UTF_8);

        Settings s = SettingsLoader.load(Map.of("CARELOOP_CONFIG", file.toString(), "CARELOOP_HTTP_PORT", "6060"));

        assertThat(s.httpPort()).isEqualTo(6060);
        assertThat(s.sessionIdle()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.demo()).isTrue();
        assertThat(s.sessionAbsolute()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_HTTP_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("careloop.http.port")
                .hasMessageContaining("whole number")
                .hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_DB_POOL_SIZE", "16.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("careloop.db.pool-size");
    }

    @Test
    void aDurationThatIsNotIso8601IsRefusedWithAnExample() {
        assertThatThrownBy(() -> SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_SESSION_IDLE", "30m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("careloop.session.idle")
                .hasMessageContaining("PT30M")
                .hasMessageContaining("'30m'");
        assertThatThrownBy(() -> SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_AUTO_CLOSE_AFTER", "7 days")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("careloop.auto-close-after");
    }

    @Test
    void attachmentLimitsDefaultTo25And100MegabytesAndComeFromTheEnvironment() {
        assertThat(SettingsLoader.attachmentLimits(Map.of()))
                .isEqualTo(new io.careloop.engine.attachment.AttachmentLimits(25L << 20, 100L << 20));
        assertThat(SettingsLoader.attachmentLimits(Map.of("CARELOOP_ATTACHMENTS_MAX_FILE_MB", "5",
                "CARELOOP_ATTACHMENTS_MAX_TICKET_MB", "20")))
                .isEqualTo(new io.careloop.engine.attachment.AttachmentLimits(5L << 20, 20L << 20));
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> SettingsLoader.fromProperties(defaults(), Map.of("CARELOOP_HTTP_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }

    private static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = SettingsLoader.class.getResourceAsStream("/careloop-defaults.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
