package io.careloop.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.plugin.ImportRun;
import io.careloop.engine.plugin.PluginHost;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.CallLogs;
import io.careloop.web.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two CareLoop nodes, each with its own job executor, on one PostgreSQL database (Camunda 7's
 * cluster model): what must happen once happens once. {@code -Dcareloop.cluster.tickets=N} sets
 * the tickets of the timer burst (4 SLA timers each): 125 (500 timers) by default to stay near a
 * minute on a busy 2-core machine; {@code -Dcareloop.cluster.tickets=250} is the full 1,000 timers
 * (docs/operations.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    static final int TICKETS = Integer.getInteger("careloop.cluster.tickets", 125);
    static final List<String> SLA_TIMERS = List.of("first-response-warning", "first-response-breach",
            "resolution-warning", "resolution-breach");

    private Cluster cluster;

    @BeforeAll
    void start() {
        cluster = Cluster.start(TestDatabases.Kind.POSTGRES, "cluster", 2, Path.of("target", "plugins"));
        cluster.node(0).careLoop().users().createTeam("every-queue", "every-queue", TestServer.QUEUES, "test");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void slaTimersDueAtOnceFireExactlyOnceEachAcrossBothJobExecutors() throws Exception {
        String marker = Drafts.unique("sla-burst");
        // received three months ago: every SLA timer (2 warnings, 2 breaches) is due now
        Instant received = Instant.now().minus(Duration.ofDays(90));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> made = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                CareLoop on = cluster.node(i % 2).careLoop();
                String subject = marker + " #" + i;
                made.add(pool.submit(() -> on.intake().intake(new TicketDraft(subject, "overdue order", Channel.EMAIL,
                        Category.SERVICE_PROCESS, Severity.LOW, null, null, null, null, received), "api", subject, "test")));
            }
            for (Future<?> f : made) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        CareLoop first = cluster.node(0).careLoop();
        String ours = "SELECT process_instance_id FROM ticket WHERE subject LIKE ?";
        assertThat(Rows.count(first, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ < CURRENT_TIMESTAMP AND TYPE_ = 'timer' "
                + "AND PROCESS_INSTANCE_ID_ IN (" + ours + ")", marker + "%")).as("timers due before the executors start")
                .isEqualTo(4L * TICKETS);

        // a job outliving its lock runs again on the other node: the lock outlasts the longest job (a plugin call)
        assertThat(cluster.nodes()).allSatisfy(n -> assertThat((long) n.jobExecutor().getLockTimeInMillis())
                .isGreaterThan(PluginHost.Limits.defaults().call().toMillis()));
        long started = System.nanoTime();
        cluster.startJobExecutors();
        long deadline = started + TimeUnit.SECONDS.toNanos(Long.getLong("careloop.cluster.timer-wait-seconds", 90));
        long left;
        do {
            Thread.sleep(200);
            // the only jobs of these process instances are their SLA timers
            left = Rows.count(first, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN (" + ours + ")",
                    marker + "%");
        } while (left > 0 && System.nanoTime() < deadline);
        cluster.stopJobExecutors();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("cluster: %d SLA timers fired on 2 nodes in %d ms%n", 4 * TICKETS, millis);
        assertThat(left).as("SLA timers still waiting after %d ms", millis).isZero();

        // each boundary event ran once per ticket: the engine's history and our audit trail agree
        for (String timer : SLA_TIMERS) {
            assertThat(Rows.count(first, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? AND PROC_INST_ID_ IN ("
                    + ours + ")", timer, marker + "%")).as(timer).isEqualTo(TICKETS);
        }
        assertThat(Rows.count(first, "SELECT COUNT(*) FROM audit_event WHERE action = 'ticket.escalated' AND entity_id IN "
                + "(SELECT number FROM ticket WHERE subject LIKE ?)", marker + "%")).isEqualTo(2L * TICKETS);
        assertThat(Rows.count(first, "SELECT COUNT(*) FROM ticket WHERE subject LIKE ? AND escalation_level = 2 AND "
                + "sla_state = 'breached'", marker + "%")).isEqualTo(TICKETS);
        assertThat(Rows.count(first, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
    }

    @Test
    void twoAgentsClaimingOneTicketOnDifferentNodesOneWinsTheOtherGets409() throws Exception {
        ApiClient onFirst = cluster.node(0).client(cluster.tokenFor("ann.agent", Role.AGENT, "every-queue"));
        ApiClient onSecond = cluster.node(1).client(cluster.tokenFor("ben.agent", Role.AGENT, "every-queue"));
        CareLoop first = cluster.node(0).careLoop();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String number = onFirst.post("/api/v1/tickets", Map.of("subject", Drafts.unique("claim race"),
                        "description", "both agents want it", "channel", "email")).json().path("number").asText();
                // half the rounds send the version both read, half send none: the row lock decides
                boolean withVersion = round % 2 == 0;
                int v1 = onFirst.get("/api/v1/tickets/" + number).json().path("version").asInt();
                int v2 = onSecond.get("/api/v1/tickets/" + number).json().path("version").asInt();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<ApiClient.Response> a = two.submit(() -> {
                    together.await();
                    return onFirst.post("/api/v1/tickets/" + number + "/claim", withVersion ? Map.of("version", v1) : Map.of());
                });
                Future<ApiClient.Response> b = two.submit(() -> {
                    together.await();
                    return onSecond.post("/api/v1/tickets/" + number + "/claim", withVersion ? Map.of("version", v2) : Map.of());
                });
                ApiClient.Response ra = a.get(30, TimeUnit.SECONDS);
                ApiClient.Response rb = b.get(30, TimeUnit.SECONDS);
                assertThat(List.of(ra.status(), rb.status())).as("%s / %s", ra, rb).containsExactlyInAnyOrder(200, 409);
                ApiClient.Response lost = ra.status() == 409 ? ra : rb;
                assertThat(lost.json().path("detail").asText()).contains(number)
                        .containsAnyOf("already claimed", "changed by someone else");
                String winner = ra.status() == 200 ? "ann.agent" : "ben.agent";
                assertThat(onSecond.get("/api/v1/tickets/" + number).json().path("assignee").asText()).isEqualTo(winner);
                assertThat(Rows.count(first, "SELECT COUNT(*) FROM audit_event WHERE action = 'ticket.claimed' AND entity_id = ?",
                        number)).isEqualTo(1);
                assertThat(first.processEngine().getTaskService().createTaskQuery()
                        .processInstanceId(first.tickets().find(number).processInstanceId()).taskAssignee(winner).count())
                        .isEqualTo(1);
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void theSameCallLogImportedOnBothNodesAtOnceMakesEachTicketOnce() throws Exception {
        int calls = Integer.getInteger("careloop.cluster.calls", 120);
        String run = Drafts.unique("C").replace("-", "");
        long phonePrefix = 13_000_000L + Math.floorMod(run.hashCode(), 900_000);
        byte[] file = CallLogs.export(run, phonePrefix, calls);

        List<CompletableFuture<ImportRun>> runs = cluster.nodes().stream()
                .map(n -> CompletableFuture.supplyAsync(() -> n.careLoop().imports().start("phone-log", "calls.csv",
                        "callcenter", new ByteArrayInputStream(file), "test")))
                .toList();
        List<ImportRun> done = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            CareLoop node = cluster.node(i).careLoop();
            long id = runs.get(i).get(30, TimeUnit.SECONDS).id();
            assertThat(node.imports().await(id, 90, TimeUnit.SECONDS)).as("run %d finished", id).isTrue();
            done.add(node.imports().find(id));
        }
        assertThat(done).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("done");
            assertThat(r.read()).isEqualTo(calls);
            assertThat(r.accepted() + r.duplicate()).isEqualTo(calls);
            assertThat(r.rejected()).isZero();
        });
        assertThat(done.stream().mapToLong(ImportRun::accepted).sum()).as("accepted on either node").isEqualTo(calls);

        CareLoop first = cluster.node(0).careLoop();
        String ledger = "FROM import_ledger WHERE source = 'phone-log' AND source_key LIKE ?";
        assertThat(Rows.count(first, "SELECT COUNT(*) " + ledger, run + "-%")).isEqualTo(calls);
        assertThat(Rows.count(first, "SELECT COUNT(DISTINCT ticket_number) " + ledger, run + "-%")).isEqualTo(calls);
        assertThat(Rows.count(first, "SELECT COUNT(*) FROM ticket WHERE number IN (SELECT ticket_number " + ledger
                + ") AND process_instance_id IS NOT NULL", run + "-%")).isEqualTo(calls);
        assertThat(Rows.count(first, "SELECT COUNT(*) FROM audit_event WHERE action = 'ticket.created' AND entity_id IN "
                + "(SELECT ticket_number " + ledger + ")", run + "-%")).isEqualTo(calls);
        assertThat(Rows.count(first, "SELECT COUNT(*) FROM customer WHERE phone LIKE ?", phonePrefix + "%"))
                .as("one customer per caller").isEqualTo(calls);
    }
}
