package io.careloop.bench;

import io.careloop.bench.Samples.Sample;
import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.User;
import io.careloop.web.WebServer;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A part of the {@link Suite}: intake over HTTP on one database kind ({@code bench.db}: h2 or pg)
 * with {@code bench.nodes} CareLoop nodes (1 or 2: two engines with their own pools, job executors
 * and web servers in this JVM on the same database, as web's ClusterIT), {@code bench.clients}
 * HTTP clients spread over the nodes. Before it, in the same JVM and on the same kind of database,
 * its two baselines: raw JDBC single-row inserts ({@code bench.jdbcRows}) and bare Camunda
 * starting ticket-lifecycle single-threaded. Prints {@code @@} figures (SuiteOutput), among them
 * the peak heap used, so that a run with {@code -Xmx512m} shows the heap intake needs.
 */
public final class IntakeSuiteBench {

    private static final String PASSWORD = "bench-password-2026";

    private IntakeSuiteBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        String kind = System.getProperty("bench.db", "h2");
        int nodes = Integer.getInteger("bench.nodes", 1);
        int n = Integer.getInteger("bench.n", 1000);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        int clients = Integer.getInteger("bench.clients", 8);
        int jdbcRows = Integer.getInteger("bench.jdbcRows", 2000);
        boolean baselines = Boolean.parseBoolean(System.getProperty("bench.baselines", "true"));
        Path tmp = Files.createTempDirectory("careloop-suite-intake-");
        List<Sample> samples = Samples.generate(warmup + n, CareLoop.jsonMapper());
        try (Databases dbs = new Databases(kind, tmp)) {
            if (baselines) {
                double raw = Databases.rawInsertRate(dbs.create("raw"), jdbcRows);
                System.out.printf("raw JDBC insert+commit on %s: %.0f rows/s%n", kind, raw);
                SuiteOutput.figure("jdbc.inserts_per_s", raw);
                double bare = bareCamunda(dbs.create("camunda"), samples, warmup, n);
                System.out.printf("bare Camunda on %s: %.0f starts/s%n", kind, bare);
                SuiteOutput.figure("camunda.starts_per_s", bare);
            }
            httpIntake(dbs.create("careloop"), tmp, nodes, clients, samples, warmup, n);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        SuiteOutput.figure("heap.peak_mb", peakHeapMb());
        SuiteOutput.figure("heap.max_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** Bare Camunda: the same process, the same variables, one thread. Answers starts per second. */
    private static double bareCamunda(Databases.Db db, List<Sample> samples, int warmup, int n) {
        int year = ZonedDateTime.now(ZoneOffset.UTC).getYear();
        try (BareCamunda camunda = BareCamunda.start(db.url(), db.user(), db.password(), 16)) {
            RuntimeService runtime = camunda.engine().getRuntimeService();
            long t0 = 0;
            for (int i = 0; i < warmup + n; i++) {
                if (i == warmup) {
                    t0 = System.nanoTime();
                }
                String number = String.format("CL-%04d-%06d", year, i + 1);
                VariableMap vars = Variables.createVariables().putValue("ticketNumber", number);
                vars.putAll(samples.get(i).processVariables());
                runtime.startProcessInstanceByKey(BareCamunda.PROCESS_KEY, number, vars);
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void httpIntake(Databases.Db db, Path tmp, int nodeCount, int clients, List<Sample> samples,
                                   int warmup, int n) throws Exception {
        List<CareLoop> careLoops = new ArrayList<>();
        List<Javalin> apps = new ArrayList<>();
        try {
            for (int i = 1; i <= nodeCount; i++) { // one after the other: the first makes the schema
                Path dir = tmp.resolve("node-" + i);
                Settings s = new Settings(0, dir, db.url(), db.user(), db.password(), 16, dir.resolve("plugins"), false,
                        null, false, Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
                careLoops.add(CareLoop.start(s, Clock.systemUTC()));
                apps.add(WebServer.create(careLoops.get(i - 1)).start(0));
            }
            User user = careLoops.get(0).users().create("bench", "Bench client", PASSWORD, EnumSet.of(Role.AGENT),
                    List.of(), "bench");
            String token = careLoops.get(0).users().createToken(user, "bench", null).secret();
            List<URI> uris = apps.stream().map(a -> URI.create("http://localhost:" + a.port() + "/api/v1/tickets")).toList();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            System.out.printf("HTTP intake, %d node(s), %d clients: warm-up %d ...%n", nodeCount, clients, warmup);
            run(http, uris, token, samples, 0, warmup, clients, new Histogram(3_600_000_000L, 3));
            Histogram h = new Histogram(3_600_000_000L, 3);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int errors = run(http, uris, token, samples, warmup, n, clients, h);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = os.getProcessCpuTime() - cpu0;
            long tickets;
            try (Connection c = careLoops.get(0).database().dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ticket WHERE process_instance_id IS NOT NULL AND queue IS NOT NULL")) {
                rs.next();
                tickets = rs.getLong(1);
            }
            double rate = h.getTotalCount() / seconds;
            System.out.printf("HTTP intake: %.0f tickets/s, p50 %.1f ms, p99 %.1f ms, errors %d, CPU %.2f ms/ticket; "
                            + "classified tickets with a process %d of %d%n", rate, h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, errors, cpu / 1e6 / Math.max(1, h.getTotalCount()), tickets, warmup + n);
            SuiteOutput.figure("intake.tickets_per_s", rate);
            SuiteOutput.figure("intake.p50_ms", h.getValueAtPercentile(50) / 1000.0);
            SuiteOutput.figure("intake.p99_ms", h.getValueAtPercentile(99) / 1000.0);
            SuiteOutput.figure("intake.cpu_ms_per_ticket", cpu / 1e6 / Math.max(1, h.getTotalCount()));
            SuiteOutput.figure("intake.errors", errors);
            SuiteOutput.figure("intake.missing_tickets", warmup + n - tickets);
        } finally {
            apps.forEach(Javalin::stop);
            for (int i = careLoops.size() - 1; i >= 0; i--) {
                careLoops.get(i).close();
            }
        }
    }

    /** {@code count} tickets from {@code from} by {@code clients} threads, round robin over the nodes. Answers the errors. */
    private static int run(HttpClient http, List<URI> uris, String token, List<Sample> samples, int from, int count,
                           int clients, Histogram latencyMicros) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < from + count; i = next.getAndIncrement()) {
                    HttpRequest req = HttpRequest.newBuilder(uris.get(i % uris.size()))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", "suite-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString(samples.get(i).json(), StandardCharsets.UTF_8))
                            .build();
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (res.statusCode() == 201) {
                            synchronized (latencyMicros) {
                                latencyMicros.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
                            }
                        } else if (errors.incrementAndGet() <= 3) {
                            System.out.println("HTTP " + res.statusCode() + ": " + res.body());
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("request failed: " + e);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return errors.get();
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }
}
