package io.careloop.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.web.plugin.Uploads;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.CallLogs;
import io.careloop.web.testing.Multipart;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CareLoop killed with SIGKILL in the middle of work, started again on the same H2 data
 * directory, and compared with the source: nothing lost, nothing twice (docs/operations.md).
 * {@code -Dcareloop.crash.tickets=N} and {@code -Dcareloop.crash.calls=N} size the loads.
 */
class CrashIT {

    static final int TICKETS = Integer.getInteger("careloop.crash.tickets", 240);
    static final int CLIENTS = 6;
    static final int CALLS = Integer.getInteger("careloop.crash.calls", 200);

    @TempDir
    Path dataDir;

    @Test
    void intakeUnderLoadKilledMidWayLosesNothingAndDuplicatesNothingOnceClientsRetryWithTheirKeys() throws Exception {
        Map<Integer, String> answered = new ConcurrentHashMap<>();
        Set<Integer> cutOff = ConcurrentHashMap.newKeySet();
        try (NodeProcess node = NodeProcess.start(dataDir, Map.of())) {
            ApiClient api = node.admin();
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < TICKETS; i = next.getAndIncrement()) {
                        try {
                            ApiClient.Response r = create(api, i);
                            if (r.status() == 201 || r.status() == 200) {
                                answered.put(i, r.json().path("number").asText());
                            } else {
                                cutOff.add(i);
                            }
                        } catch (UncheckedIOException e) {
                            cutOff.add(i);
                        }
                    }
                });
            }
            // SIGKILL once a third is answered, with requests in flight on every client thread
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.size() < TICKETS / 3 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            node.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(answered.size()).as("answered before the kill").isBetween(TICKETS / 3, TICKETS - 1);

        int replayed = 0;
        try (NodeProcess again = NodeProcess.start(dataDir, Map.of())) {
            ApiClient api = again.admin();
            // every client re-sends what it saw no answer to, with the same key
            for (int i = 0; i < TICKETS; i++) {
                if (answered.containsKey(i)) {
                    continue;
                }
                ApiClient.Response r = create(api, i);
                assertThat(r.status()).as("%s", r).isIn(200, 201);
                if (r.status() == 200) {
                    replayed++; // committed before the kill, answer lost with the connection
                }
                answered.put(i, r.json().path("number").asText());
            }
            // an answer seen before the kill is the one the key gives now
            for (int i = 0; i < TICKETS; i += 25) {
                ApiClient.Response r = create(api, i);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().path("number").asText()).isEqualTo(answered.get(i));
            }
            JsonNode verify = api.get("/api/v1/audit/verify").json();
            assertThat(verify.path("ok").asBoolean()).as("audit chain after the crash: %s", verify).isTrue();
            again.stop();
        }
        System.out.printf("crash: %d tickets, %d answered before SIGKILL, %d re-sent, %d of them committed before the kill%n",
                TICKETS, TICKETS - cutOff.size(), cutOff.size(), replayed);

        try (Connection db = NodeProcess.database(dataDir)) {
            assertThat(count(db, "SELECT COUNT(*) FROM ticket WHERE subject LIKE 'crash %'")).isEqualTo(TICKETS);
            assertThat(count(db, "SELECT COUNT(DISTINCT subject) FROM ticket WHERE subject LIKE 'crash %'")).isEqualTo(TICKETS);
            assertThat(count(db, "SELECT COUNT(DISTINCT number) FROM ticket WHERE subject LIKE 'crash %'"))
                    .isEqualTo(answered.values().stream().distinct().count());
            assertThat(count(db, "SELECT COUNT(*) FROM import_ledger WHERE source = 'api' AND source_key LIKE 'admin/crash-%'"))
                    .isEqualTo(TICKETS);
            // each ticket has its process (running, waiting for an agent) and one creation in the audit trail
            assertThat(count(db, "SELECT COUNT(*) FROM ticket t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.process_instance_id "
                    + "WHERE t.subject LIKE 'crash %'")).isEqualTo(TICKETS);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'ticket-lifecycle'"))
                    .as("no process without its ticket").isEqualTo(count(db, "SELECT COUNT(*) FROM ticket"));
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event a JOIN ticket t ON a.entity_id = t.number "
                    + "WHERE a.action = 'ticket.created' AND t.subject LIKE 'crash %'")).isEqualTo(TICKETS);
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'ticket.created'"))
                    .isEqualTo(count(db, "SELECT COUNT(*) FROM ticket"));
        }
    }

    @Test
    void aBulkImportKilledMidWayResumesAfterTheRestartAndTakesEachCallInOnce() throws Exception {
        byte[] file = CallLogs.export("K", 13_912_345L, CALLS);
        long runId;
        long acceptedBeforeKill;
        try (NodeProcess node = NodeProcess.start(dataDir, Map.of())) {
            String token = node.adminToken();
            Multipart.Answer up = Uploads.post(node.base(), "/api/v1/plugins/phone-log/imports", token, "calls.csv", file,
                    "callcenter");
            assertThat(up.status()).as(up.body()).isEqualTo(202);
            runId = up.json().path("runId").asLong();
            ApiClient api = new ApiClient(node.base(), NodeProcess.JSON).withToken(token);
            JsonNode run;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            do {
                Thread.sleep(50);
                run = api.get("/api/v1/imports/" + runId).json();
            } while (run.path("accepted").asLong() < CALLS / 4 && System.nanoTime() < end);
            node.kill();
            acceptedBeforeKill = run.path("accepted").asLong();
            assertThat(run.path("status").asText()).as("still running when killed: %s", run).isEqualTo("running");
        }

        JsonNode resumed;
        try (NodeProcess again = NodeProcess.start(dataDir, Map.of())) {
            ApiClient api = new ApiClient(again.base(), NodeProcess.JSON).withToken(again.adminToken());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            do {
                Thread.sleep(100);
                resumed = api.get("/api/v1/imports/" + runId).json();
            } while (!resumed.path("status").asText().equals("done") && System.nanoTime() < end);
            assertThat(resumed.path("status").asText()).as("%s", resumed).isEqualTo("done");
            // read again from the start: what the run took in before the kill is a duplicate now
            assertThat(resumed.path("read").asLong()).isEqualTo(CALLS);
            assertThat(resumed.path("accepted").asLong() + resumed.path("duplicate").asLong()).isEqualTo(CALLS);
            assertThat(resumed.path("duplicate").asLong()).isGreaterThanOrEqualTo(acceptedBeforeKill);

            // the same file once more changes nothing
            Multipart.Answer again2 = Uploads.post(again.base(), "/api/v1/plugins/phone-log/imports", again.adminToken(),
                    "calls.csv", file, "callcenter");
            long second = again2.json().path("runId").asLong();
            JsonNode rerun;
            do {
                Thread.sleep(100);
                rerun = api.get("/api/v1/imports/" + second).json();
            } while (!rerun.path("status").asText().equals("done") && System.nanoTime() < end + TimeUnit.SECONDS.toNanos(30));
            assertThat(List.of(rerun.path("accepted").asLong(), rerun.path("duplicate").asLong())).containsExactly(0L, (long) CALLS);
            again.stop();
        }
        System.out.printf("crash: import of %d calls killed after %d accepted; resumed run accepted %d, duplicate %d%n",
                CALLS, acceptedBeforeKill, resumed.path("accepted").asLong(), resumed.path("duplicate").asLong());

        try (Connection db = NodeProcess.database(dataDir)) {
            assertThat(count(db, "SELECT COUNT(*) FROM import_ledger WHERE source = 'phone-log' AND source_key LIKE 'K-%'"))
                    .isEqualTo(CALLS);
            assertThat(count(db, "SELECT COUNT(*) FROM ticket WHERE number IN (SELECT ticket_number FROM import_ledger "
                    + "WHERE source = 'phone-log' AND source_key LIKE 'K-%') AND process_instance_id IS NOT NULL")).isEqualTo(CALLS);
            assertThat(count(db, "SELECT COUNT(*) FROM ticket")).isEqualTo(CALLS);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'ticket-lifecycle'")).isEqualTo(CALLS);
            assertThat(count(db, "SELECT COUNT(*) FROM customer WHERE phone LIKE '13912345%'")).isEqualTo(CALLS);
        }
    }

    private static ApiClient.Response create(ApiClient api, int i) {
        return api.post("/api/v1/tickets", Map.of("subject", "crash " + i, "description", "load before the kill",
                "channel", "web", "category", "service-process", "severity", "low"), Map.of("Idempotency-Key", "crash-" + i));
    }

    private static long count(Connection db, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out.get(0);
    }
}
