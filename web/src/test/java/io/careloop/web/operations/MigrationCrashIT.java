package io.careloop.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.studio.Diagrams;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.Multipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CareLoop killed with SIGKILL while a process-instance migration batch (the studio's *Migrate*:
 * {@code POST /api/v1/processes/ticket-lifecycle/migrations}) moves many running tickets to a new
 * version; started again on the same H2 data directory, the batch completes and every instance is on
 * the new version exactly once: same process instance, one "handle" task, its four SLA timers, no
 * failed job or incident (docs/operations.md, *Crash safety*). {@code -Dcareloop.crash.migration=N}
 * sizes it. The job lock time is the smallest CareLoop accepts (10 s): the jobs the dead node had
 * locked wait that long before the restarted node may take them.
 */
class MigrationCrashIT {

    static final int INSTANCES = Integer.getInteger("careloop.crash.migration", 200);
    static final String KEY = "ticket-lifecycle";
    static final Map<String, String> ENV = Map.of("CARELOOP_JOB_EXECUTOR_LOCK_TIME", "PT10S",
            "CARELOOP_JOB_EXECUTOR_WAIT_TIME", "PT1S", "CARELOOP_JOB_EXECUTOR_MAX_WAIT", "PT2S");

    @TempDir
    Path dataDir;

    @Test
    void aMigrationBatchKilledMidWayCompletesAfterTheRestartAndMovesEveryInstanceOnce() throws Exception {
        String batchId;
        int from;
        int to;
        long onFromAtKill;
        try (NodeProcess node = NodeProcess.start(dataDir, ENV)) {
            String token = node.adminToken();
            ApiClient api = new ApiClient(node.base(), NodeProcess.JSON).withToken(token);
            openTickets(api);
            from = latestVersion(api);
            Multipart.Answer deployed = new Multipart().field("comment", "a reply check for everyone")
                    .file("file", "ticket-lifecycle.bpmn", "application/xml",
                            Diagrams.lifecycleWithCheckTask().getBytes(StandardCharsets.UTF_8))
                    .post(node.base(), "/api/v1/deployments", token);
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
            to = latestVersion(api);
            assertThat(to).isGreaterThan(from);

            ApiClient.Response started = api.post("/api/v1/processes/" + KEY + "/migrations",
                    Map.of("fromVersion", from, "toVersion", to, "comment", "crash test"));
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            batchId = started.json().path("batchId").asText();
            // SIGKILL once some instances moved and most have not, with migration jobs running
            JsonNode status;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            do {
                Thread.sleep(30);
                status = api.get("/api/v1/processes/" + KEY + "/migrations/" + batchId).json();
            } while (status.path("stillOnFromVersion").asLong() > INSTANCES * 3L / 4 && System.nanoTime() < end);
            node.kill();
            onFromAtKill = status.path("stillOnFromVersion").asLong();
            assertThat(onFromAtKill).as("killed mid-batch: %s", status).isBetween(1L, INSTANCES * 3L / 4);
        }

        JsonNode done;
        try (NodeProcess again = NodeProcess.start(dataDir, ENV)) {
            ApiClient api = again.admin();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            do {
                Thread.sleep(250);
                done = api.get("/api/v1/processes/" + KEY + "/migrations/" + batchId).json();
            } while (!done.path("state").asText().equals("completed") && System.nanoTime() < end);
            assertThat(done.path("state").asText()).as("%s", done).isEqualTo("completed");
            assertThat(done.path("stillOnFromVersion").asLong()).isZero();
            JsonNode verify = api.get("/api/v1/audit/verify").json();
            assertThat(verify.path("ok").asBoolean()).as("audit chain after the crash: %s", verify).isTrue();
            again.stop();
        }
        System.out.printf("crash: migration of %d instances v%d -> v%d killed with %d still on v%d; completed after the restart%n",
                INSTANCES, from, to, onFromAtKill, from);

        try (Connection db = NodeProcess.database(dataDir)) {
            String target = single(db, "SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = '" + KEY + "' AND VERSION_ = " + to);
            assertThat(count(db, "SELECT COUNT(*) FROM ticket WHERE subject LIKE 'migrate %'")).isEqualTo(INSTANCES);
            // each ticket's own process instance (not a new one), on the new version, once
            assertThat(count(db, "SELECT COUNT(*) FROM ticket t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.process_instance_id "
                    + "AND e.PARENT_ID_ IS NULL WHERE t.subject LIKE 'migrate %' AND e.PROC_DEF_ID_ = '" + target + "'"))
                    .isEqualTo(INSTANCES);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_ "
                    + "WHERE d.KEY_ = '" + KEY + "' AND d.VERSION_ <> " + to)).as("executions left on an old version").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = '" + KEY + "'"))
                    .as("no instance made or lost").isEqualTo(INSTANCES);
            // one open "handle" task and the four SLA timers per ticket, all of the new version
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'handle' AND PROC_DEF_ID_ = '"
                    + target + "'")).isEqualTo(INSTANCES);
            assertThat(count(db, "SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'handle'"))
                    .isEqualTo(INSTANCES);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND PROCESS_DEF_ID_ = '" + target + "'"))
                    .isEqualTo(4L * INSTANCES);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'")).isEqualTo(4L * INSTANCES);
            // nothing failed: a second migration of a moved instance would leave a failed job or an incident
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL OR RETRIES_ < 3")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RU_BATCH")).as("batch finished and removed").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'process.migration-started'")).isEqualTo(1);
        }
    }

    private static void openTickets(ApiClient api) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                Map<String, Object> body = Map.of("subject", "migrate " + i, "description", "waiting for an agent",
                        "channel", "web", "category", "service-process", "severity", "low");
                answers.add(clients.submit(() -> api.post("/api/v1/tickets", body).status()));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get(120, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static int latestVersion(ApiClient api) {
        return api.get("/api/v1/processes/" + KEY + "/versions").json().path("items").get(0).path("version").asInt();
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
