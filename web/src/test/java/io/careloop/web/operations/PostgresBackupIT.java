package io.careloop.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL backup of docs/operations.md, as written there: {@code pg_dump -Fc} of the live
 * database while CareLoop runs, {@code pg_restore --no-owner} into a fresh database on another
 * server, a fresh node started on it, and compared with what was there. It runs the machine's own
 * pg_dump and pg_restore (Debian's postgresql-client); the servers are embedded PostgreSQL of the
 * same major version (the jar named by {@code careloop.pg-dump-server}, web/pom.xml), because a
 * pg_dump refuses a newer server.
 */
class PostgresBackupIT {

    @TempDir
    Path work;

    @Test
    void aPgDumpTakenWhileCareLoopRunsRestoredIntoAFreshServerHoldsExactlyWhatWasCommittedWhenItWasTaken() throws Exception {
        Path pgDump = tool("pg_dump");
        Path pgRestore = tool("pg_restore");
        Path dump = work.resolve("careloop.dump");
        List<String> atDump;
        long jobsAtDump;
        String afterDump;
        String claimedNumber;
        try (EmbeddedPostgres live = server("live"); EmbeddedPostgres fresh = server("fresh")) {
            createDatabase(live);
            try (TestServer node = TestServer.start(settings(live, work.resolve("node1")))) {
                ApiClient admin = node.client().withToken(node.tokenFor("bea.admin", Role.ADMIN));
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    numbers.add(admin.post("/api/v1/tickets", Map.of("subject", "before dump " + i, "channel", "web",
                            "description", "kept by the dump")).json().path("number").asText());
                }
                claimedNumber = numbers.get(3);
                assertThat(admin.post("/api/v1/tickets/" + claimedNumber + "/claim", Map.of()).status()).isEqualTo(200);
                assertThat(admin.post("/api/v1/tickets/" + numbers.get(4) + "/replies", Map.of("body", "We are on it."))
                        .status()).isEqualTo(201);
                atDump = BackupIT.rows(node.careLoop());
                jobsAtDump = Rows.total(node.careLoop(), "act_ru_job");

                // online, as the operator runs it (docs/operations.md): the node keeps running
                run(pgDump.toString(), "-Fc", "-h", "localhost", "-p", String.valueOf(live.getPort()), "-U", "postgres",
                        "-d", "careloop", "-f", dump.toString());
                assertThat(Files.size(dump)).isPositive();

                // work goes on after the dump; it is not in it
                afterDump = admin.post("/api/v1/tickets", Map.of("subject", "after dump", "channel", "web"))
                        .json().path("number").asText();
            }

            createDatabase(fresh);
            run(pgRestore.toString(), "-h", "localhost", "-p", String.valueOf(fresh.getPort()), "-U", "postgres",
                    "-d", "careloop", "--no-owner", "--exit-on-error", dump.toString());
            Path node2 = Files.createDirectories(work.resolve("node2"));
            Files.copy(work.resolve("node1").resolve("plugin-secrets.key"), node2.resolve("plugin-secrets.key"));
            try (TestServer restored = TestServer.start(settings(fresh, node2))) {
                CareLoop careLoop = restored.careLoop();
                assertThat(BackupIT.rows(careLoop)).as("tickets as they were when the dump was taken").isEqualTo(atDump);
                assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE number = ?", afterDump)).isZero();
                assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket t JOIN act_ru_execution e ON "
                        + "e.id_ = t.process_instance_id")).isEqualTo(atDump.size());
                assertThat(Rows.total(careLoop, "act_ru_job")).as("the SLA timers came along").isEqualTo(jobsAtDump);
                assertThat(jobsAtDump).isGreaterThanOrEqualTo(4L * atDump.size());
                assertThat(careLoop.verifyAudit().ok()).isTrue();
                // the restored node works: its users sign in, its processes go on, the sequences went on too
                ApiClient admin = restored.client().withToken(restored.tokenFor("bea.admin2", Role.ADMIN));
                String other = Rows.string(careLoop, "SELECT MIN(number) FROM ticket WHERE assignee IS NULL");
                assertThat(admin.post("/api/v1/tickets/" + other + "/claim", Map.of()).status()).isEqualTo(200);
                assertThat(careLoop.processEngine().getTaskService().createTaskQuery().taskAssignee("bea.admin2").count())
                        .isEqualTo(1);
                assertThat(admin.post("/api/v1/tickets/" + claimedNumber + "/claim", Map.of()).status())
                        .as("still claimed by the admin of before the dump").isEqualTo(409);
                // the ticket number sequence came along: a new ticket gets a number of its own
                ApiClient.Response created = admin.post("/api/v1/tickets", Map.of("subject", "after restore", "channel", "web"));
                assertThat(created.status()).as("%s", created).isEqualTo(201);
            }
        }
    }

    /** pg_dump or pg_restore of Debian's postgresql-client, the major version web/pom.xml's server has. */
    private static Path tool(String name) {
        for (Path p : List.of(Path.of("/usr/bin", name), Path.of("/usr/lib/postgresql/15/bin", name))) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " is missing: install Debian's postgresql-client (.ci/run does)");
    }

    /** An embedded server of the version pg_dump accepts, its binaries from the jar web/pom.xml copied. */
    private EmbeddedPostgres server(String name) throws IOException {
        Path jar = Path.of(System.getProperty("careloop.pg-dump-server", "target/pg-dump-server/missing.jar"));
        assertThat(jar).as("the PostgreSQL binaries for the dump test (web/pom.xml copies them)").exists();
        PgBinaryResolver binaries = (system, hardware) -> {
            String entry = "postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + hardware + ".txz";
            try (JarFile j = new JarFile(jar.toFile())) {
                if (j.getEntry(entry) == null) {
                    throw new IOException(jar + " has no " + entry);
                }
                try (InputStream in = j.getInputStream(j.getEntry(entry))) {
                    return new ByteArrayInputStream(in.readAllBytes());
                }
            }
        };
        return EmbeddedPostgres.builder().setPgBinaryResolver(binaries).setDataDirectory(work.resolve("pg-" + name))
                .setCleanDataDirectory(true).start();
    }

    private static void createDatabase(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE careloop");
        }
    }

    private static Settings settings(EmbeddedPostgres pg, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Settings base = TestCareLoop.settings(TestDatabases.Kind.H2, "pg-backup");
        return new Settings(0, dataDir, pg.getJdbcUrl("postgres", "careloop"), "postgres", "postgres", base.dbPoolSize(),
                base.pluginsDir(), false, null, false, base.autoCloseAfter(), base.sessionIdle(), base.sessionAbsolute(),
                base.bcryptCost());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s still running", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    }
}
