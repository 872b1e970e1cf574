package io.careloop.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The online H2 backup of docs/operations.md: taken over the API while CareLoop runs, restored by
 * unzipping it into the data directory of a fresh node, and compared with what was there.
 */
class BackupIT {

    @TempDir
    Path live;
    @TempDir
    Path restored;

    @Test
    void anOnlineBackupRestoredIntoAFreshNodeHoldsExactlyWhatWasCommittedWhenItWasTaken() throws Exception {
        List<String> atBackup;
        String backupFile;
        String afterBackup;
        String claimedNumber;
        try (TestServer node = TestServer.start(settingsIn(live))) {
            ApiClient admin = node.client().withToken(node.tokenFor("bea.admin", Role.ADMIN));
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                numbers.add(admin.post("/api/v1/tickets", Map.of("subject", "before backup " + i, "channel", "web",
                        "description", "kept by the backup")).json().path("number").asText());
            }
            claimedNumber = numbers.get(3);
            assertThat(admin.post("/api/v1/tickets/" + claimedNumber + "/claim", Map.of()).status()).isEqualTo(200);
            assertThat(admin.post("/api/v1/tickets/" + numbers.get(4) + "/replies", Map.of("body", "We are on it."))
                    .status()).isEqualTo(201);
            atBackup = rows(node.careLoop());

            ApiClient agent = node.client().withToken(node.tokenFor("al.agent", Role.AGENT));
            assertThat(agent.post("/api/v1/system/backups", Map.of()).status()).isEqualTo(403);
            ApiClient.Response backup = admin.post("/api/v1/system/backups", Map.of());
            assertThat(backup.status()).as("%s", backup).isEqualTo(201);
            backupFile = backup.json().path("file").asText();
            assertThat(Path.of(backupFile)).exists().startsWith(live.toAbsolutePath().normalize().resolve("backups"));
            assertThat(backup.json().path("bytes").asLong()).isEqualTo(Files.size(Path.of(backupFile)));
            assertThat(Rows.count(node.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE action = 'system.backup' "
                    + "AND actor = 'bea.admin'")).isEqualTo(1);

            // work goes on after the backup; it is not in it
            afterBackup = admin.post("/api/v1/tickets", Map.of("subject", "after backup", "channel", "web"))
                    .json().path("number").asText();
        }

        unzip(Path.of(backupFile), restored);
        try (TestServer fresh = TestServer.start(settingsIn(restored))) {
            CareLoop careLoop = fresh.careLoop();
            assertThat(rows(careLoop)).as("tickets as they were when the backup was taken").isEqualTo(atBackup);
            assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE number = ?", afterBackup)).isZero();
            assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket t JOIN ACT_RU_EXECUTION e ON "
                    + "e.ID_ = t.process_instance_id")).isEqualTo(atBackup.size());
            assertThat(careLoop.verifyAudit().ok()).isTrue();
            // the restored node works: its users sign in, its processes go on
            ApiClient admin = fresh.client().withToken(fresh.tokenFor("bea.admin2", Role.ADMIN));
            String other = Rows.string(careLoop, "SELECT MIN(number) FROM ticket WHERE assignee IS NULL");
            assertThat(admin.post("/api/v1/tickets/" + other + "/claim", Map.of()).status()).isEqualTo(200);
            assertThat(careLoop.processEngine().getTaskService().createTaskQuery().taskAssignee("bea.admin2").count())
                    .isEqualTo(1);
            assertThat(admin.post("/api/v1/tickets/" + claimedNumber + "/claim", Map.of()).status())
                    .as("still claimed by the admin of before the backup").isEqualTo(409);
        }
    }

    @Test
    void onPostgresTheBackupRouteSendsTheOperatorToPgDump() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.POSTGRES, "backup")) {
            ApiClient admin = server.client().withToken(server.tokenFor("pat.admin", Role.ADMIN));
            ApiClient.Response r = admin.post("/api/v1/system/backups", Map.of());
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().path("detail").asText()).contains("pg_dump");
        }
    }

    private static Settings settingsIn(Path dataDir) {
        Settings base = TestCareLoop.settings(TestDatabases.Kind.H2, "backup");
        return new Settings(0, dataDir, "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("careloop") + SettingsLoader.H2_OPTIONS,
                "sa", "", base.dbPoolSize(), base.pluginsDir(), false, null, false, base.autoCloseAfter(),
                base.sessionIdle(), base.sessionAbsolute(), base.bcryptCost());
    }

    /** Every ticket as a line of what a user sees of it, in number order (PostgresBackupIT too). */
    static List<String> rows(CareLoop careLoop) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = careLoop.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT number, subject, status, assignee, queue, version, first_responded_at, "
                     + "process_instance_id FROM ticket ORDER BY number")) {
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    cols.add(rs.getString(i));
                }
                out.add(String.join("|", String.valueOf(cols)));
            }
        }
        return out;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the directory: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(z, target);
            }
        }
    }
}
