package io.careloop.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The retention policy (docs/security.md, "Retention"): closed ordinary tickets lose their texts
 * after the period (default 3 years), regulated records are kept, a dry run only counts, the purge is
 * audited and the chain still verifies; the daily run starts once a day. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RetentionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private TestServer server;
    /** API tokens, not sessions: the test moves the clock past any session's time-out. */
    private ApiClient boss;
    private ApiClient agent;

    abstract TestDatabases.Kind kind();

    @BeforeAll
    void start() {
        server = TestServer.start(kind(), getClass().getSimpleName(), clock);
        boss = server.client().withToken(server.tokenFor("boss", Role.SUPERVISOR));
        agent = server.client().withToken(server.careLoop().users()
                .createToken(server.agentOfEveryQueue("agent"), "test token", null).secret());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void closedOrdinaryTicketsLoseTheirTextsAfterThePeriodAndRegulatedRecordsAreKept() {
        String old = closedTicket("service-process", "low", "Courier lost the parcel of Mrs Qian");
        String regulated = closedAdverseEvent();
        String open = ticket("service-process", "low", "Still open, same age");
        clock.advance(Duration.ofDays(1096));
        String recent = closedTicket("service-process", "low", "Closed just now");

        Response dry = boss.post("/api/v1/retention/run", Map.of());
        assertThat(dry.status()).as("%s", dry).isEqualTo(200);
        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().path("due").asLong()).isEqualTo(1);
        assertThat(dry.json().path("regulated").asText()).isEqualTo("never");
        assertThat(dry.json().path("anonymised").asInt()).isZero();
        assertThat(subject(old)).isEqualTo("Courier lost the parcel of Mrs Qian");

        Response run = boss.post("/api/v1/retention/run", Map.of("dryRun", false));

        assertThat(run.status()).as("%s", run).isEqualTo(200);
        assertThat(run.json().path("anonymised").asInt()).isEqualTo(1);
        assertThat(run.json().path("auditEventsRedacted").asInt()).isPositive();
        JsonNode purged = boss.get("/api/v1/tickets/" + old).json();
        assertThat(purged.path("subject").asText()).isEqualTo("[erased]");
        assertThat(purged.path("description").asText()).isEmpty();
        assertThat(purged.path("category").asText()).isEqualTo("service-process");
        assertThat(subject(regulated)).isEqualTo("Rash after the third dose");
        assertThat(subject(open)).isEqualTo("Still open, same age");
        assertThat(subject(recent)).isEqualTo("Closed just now");
        assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE before_state LIKE ? OR after_state LIKE ?",
                "%Mrs Qian%", "%Mrs Qian%")).isZero();
        assertThat(Rows.string(server.careLoop(), "SELECT reason FROM audit_event WHERE action = 'ticket.anonymised' "
                + "AND entity_id = ?", old)).isEqualTo("retention: closed longer than PT26280H");
        assertThat(Rows.count(server.careLoop(), "SELECT COUNT(*) FROM audit_event WHERE action = 'retention.run'")).isEqualTo(1);
        assertThat(boss.get("/api/v1/audit/verify").json().path("ok").asBoolean()).isTrue();

        assertThat(boss.post("/api/v1/retention/run", Map.of("dryRun", false)).json().path("anonymised").asInt()).isZero();
    }

    @Test
    void theDailyRunStartsOnceADayWhicheverNodeAsks() {
        clock.advance(Duration.ofHours(24)); // past a turn another test took
        assertThat(server.careLoop().retention().runIfOurTurn()).isTrue();
        assertThat(server.careLoop().retention().runIfOurTurn()).as("the same day, a second node").isFalse();
        clock.advance(Duration.ofHours(24));
        assertThat(server.careLoop().retention().runIfOurTurn()).as("the next day").isTrue();
    }

    @Test
    void twoNodesOnOneDatabaseAskingAtTheSameMomentStartOneRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(kind() == TestDatabases.Kind.POSTGRES, "a cluster runs on PostgreSQL");
        clock.advance(Duration.ofDays(3));
        try (io.careloop.engine.CareLoop second = io.careloop.engine.CareLoop.start(server.careLoop().settings(), clock)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.List<java.util.concurrent.Callable<Boolean>> nodes = java.util.List.of(
                        () -> {
                            together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            return server.careLoop().retention().runIfOurTurn();
                        },
                        () -> {
                            together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            return second.retention().runIfOurTurn();
                        });
                java.util.List<Boolean> ran = new java.util.ArrayList<>();
                for (var f : pool.invokeAll(nodes, 60, java.util.concurrent.TimeUnit.SECONDS)) {
                    ran.add(f.get());
                }

                assertThat(ran).containsExactlyInAnyOrder(true, false);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void onlyAuditorsRunIt() {
        Problems.assertProblem(agent.post("/api/v1/retention/run", Map.of()), 403);
    }

    private String subject(String number) {
        return boss.get("/api/v1/tickets/" + number).json().path("subject").asText();
    }

    private String ticket(String category, String severity, String subject) {
        Response r = boss.post("/api/v1/tickets", Map.of("subject", subject, "description", subject + " (details)",
                "channel", "phone", "category", category, "severity", severity));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("number").asText();
    }

    private String closedTicket(String category, String severity, String subject) {
        String n = ticket(category, severity, subject);
        assertThat(boss.post("/api/v1/tickets/" + n + "/resolve", null).status()).isEqualTo(200);
        assertThat(boss.post("/api/v1/tickets/" + n + "/close", null).status()).isEqualTo(200);
        return n;
    }

    private String closedAdverseEvent() {
        String n = ticket("adverse-event", "medium", "Rash after the third dose");
        assertThat(boss.post("/api/v1/tickets/" + n + "/resolve", Map.of("reason", "reported")).status()).isEqualTo(200);
        assertThat(boss.post("/api/v1/tickets/" + n + "/pv-review", Map.of("outcome", "confirmed")).status()).isEqualTo(200);
        assertThat(boss.post("/api/v1/tickets/" + n + "/close", Map.of("reason", "case complete")).status()).isEqualTo(200);
        return n;
    }
}
