package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.user.Role;
import io.careloop.web.WebServer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent workspace's queue API on a large database: {@code bench.tickets} tickets (default
 * 1,000,000), a fifth of them open, spread over five queues. Measures one page (50 rows) of each
 * queue view over HTTP as an agent of two queues, and the queue counts, against a baseline in the
 * same run: the list as it was before the workspace (one queue and one status, no data scope).
 * Not a test: {@code mvn -q -Pbench -DskipTests install && MAVEN_OPTS=-Xmx2g mvn -q -Pbench -pl bench exec:java@queue-bench}.
 */
public final class QueueBench {

    private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.queueRounds", 200);
    private static final String PASSWORD = "bench-password-2026";

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("careloop-queue-bench");
        String url = "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath() + SettingsLoader.H2_OPTIONS;
        Settings settings = new Settings(0, dir, url, "sa", "", 16, dir.resolve("plugins"), false, null,
                false, Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
        try (CareLoop careLoop = CareLoop.start(settings, Clock.systemUTC())) {
            long t0 = System.nanoTime();
            fill(careLoop);
            System.out.printf("filled %,d tickets in %.1f s%n", TICKETS, (System.nanoTime() - t0) / 1e9);
            SuiteOutput.figure("queue.tickets", TICKETS);
            careLoop.users().createTeam("desk", "desk", List.of("service-desk", "key-accounts"), "bench");
            careLoop.users().create("agent1", "agent1", PASSWORD, EnumSet.of(Role.AGENT), List.of("desk"), "bench");
            careLoop.users().create("lead", "lead", PASSWORD, EnumSet.of(Role.SUPERVISOR), List.of(), "bench");
            Javalin app = WebServer.create(careLoop).start(0);
            try {
                run(URI.create("http://localhost:" + app.port()));
            } finally {
                app.stop();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Tickets straight into the table (no processes): what the queue API reads is all there. */
    private static void fill(CareLoop careLoop) throws SQLException {
        String sql = BenchTickets.insert("""
                CASE WHEN MOD(X, 5) = 0 THEN (CASE MOD(X / 5, 3) WHEN 0 THEN 'new' WHEN 1 THEN 'open' ELSE 'waiting' END)
                    ELSE 'closed' END""",
                "CASE WHEN MOD(X, 5) = 0 AND MOD(X, 3) = 0 THEN NULL ELSE 'agent' || MOD(X, 40) END", "NULL", "NULL");
        try (Connection c = careLoop.database().dataSource().getConnection(); var ps = c.prepareStatement(sql);
             Statement s = c.createStatement()) {
            ps.setInt(1, 1);
            ps.setInt(2, TICKETS);
            ps.executeUpdate();
            s.execute("ANALYZE");
        }
        // the rows went in past CareLoop's mappers: count the open tickets for the queue counts (V21)
        careLoop.queueCounts().rebuild();
    }

    private static void run(URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String agent = login(http, base, "agent1");
        String lead = login(http, base, "lead");
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("baseline: queue=service-desk&status=open, supervisor (one queue, one status, no scope)",
                new String[] {lead, "/api/v1/tickets?queue=service-desk&status=open&limit=50"});
        cases.put("workspace: unassigned (assignee=none&open=true), agent of 2 queues",
                new String[] {agent, "/api/v1/tickets?assignee=none&open=true&limit=50"});
        cases.put("workspace: queue:service-desk (open=true), agent",
                new String[] {agent, "/api/v1/tickets?queue=service-desk&open=true&limit=50"});
        cases.put("workspace: at risk (sla=at-risk&open=true), agent",
                new String[] {agent, "/api/v1/tickets?sla=at-risk&open=true&limit=50"});
        cases.put("workspace: unassigned + severity=high&channel=email, agent",
                new String[] {agent, "/api/v1/tickets?assignee=none&open=true&severity=high&channel=email&limit=50"});
        cases.put("workspace: queue counts (GET /api/v1/queues), agent", new String[] {agent, "/api/v1/queues"});
        System.out.printf("%-92s %8s %8s %8s%n", "request (" + ROUNDS + " rounds after 20 warm-up)", "p50 ms", "p95 ms", "max ms");
        for (Map.Entry<String, String[]> e : cases.entrySet()) {
            long[] ms = measure(http, base, e.getValue()[0], e.getValue()[1]);
            System.out.printf("%-92s %8.1f %8.1f %8.1f%n", e.getKey(), ms[0] / 1e3, ms[1] / 1e3, ms[2] / 1e3);
            // for the suite: the view's name before the first comma, as a key
            String view = e.getKey().startsWith("baseline") ? "baseline"
                    : e.getKey().substring("workspace: ".length()).split(" \\(|,")[0].replaceAll("[^A-Za-z0-9]+", "-");
            SuiteOutput.figure("queue." + view + ".p95_ms", ms[1] / 1e3);
        }
    }

    /** p50, p95 and max in microseconds. */
    private static long[] measure(HttpClient http, URI base, String cookie, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).build();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 20 + ROUNDS; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            long us = (System.nanoTime() - t) / 1000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= 20) {
                micros.add(us);
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new long[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]};
    }

    private static String login(HttpClient http, URI base, String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException("login failed: " + r.body()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private QueueBench() {
    }

}
