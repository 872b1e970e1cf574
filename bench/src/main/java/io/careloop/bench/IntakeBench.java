package io.careloop.bench;

import io.careloop.bench.Samples.Sample;
import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.intake.IntakeResult;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.User;
import io.careloop.web.WebServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Intake benchmark: how many tickets per second CareLoop opens, and how fast, against bare Camunda
 * running the same process. One run, three scenarios, each on a fresh H2 file database in a
 * temporary directory deleted at the end:
 * <ol type="a">
 *   <li>bare Camunda 7.24 starting ticket-lifecycle, single-threaded;</li>
 *   <li>CareLoop intake through {@code IntakeService}, single-threaded;</li>
 *   <li>CareLoop intake over HTTP ({@code POST /api/v1/tickets}) with concurrent clients.</li>
 * </ol>
 * and, when asked for ({@code bench.scenarios=m,a,c}), (m): bare Camunda starting a minimal process
 * (start, one user task, end) on the same database settings, which calibrates the machine.
 * Knobs (system properties): {@code bench.n} (3000), {@code bench.warmup} (3000),
 * {@code bench.clients} (8), {@code bench.rounds} (5), {@code bench.scenarios} ({@code a,b,c}), {@code bench.results}
 * (Markdown output file). See bench/README.md.
 */
public final class IntakeBench {

    private static final int POOL_SIZE = 16; // careloop.db.pool-size default
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);
    private static final String BENCH_PASSWORD = "bench-password-2026";
    /** Extra H2 URL settings for experiments, e.g. -Dbench.dbOptions=QUERY_CACHE_SIZE=64; applied to every scenario. */
    private static final String DB_OPTIONS = System.getProperty("bench.dbOptions", "").isBlank() ? ""
            : ";" + System.getProperty("bench.dbOptions").strip().replaceFirst("^;", "");

    private final int n;
    private final int warmup;
    private final int clients;
    private final int rounds;
    private final List<String> scenarios;
    private final Path results;
    private final Path tmp;
    private final List<Sample> samples;

    private IntakeBench(int n, int warmup, int clients, int rounds, List<String> scenarios, Path results, Path tmp) {
        this.n = n;
        this.rounds = rounds;
        this.warmup = warmup;
        this.clients = clients;
        this.scenarios = scenarios;
        this.results = results;
        this.tmp = tmp;
        this.samples = Samples.generate(warmup + n, CareLoop.jsonMapper());
    }

    public static void main(String[] args) throws Exception {
        // before the first logger: web's jar brings a logback.xml that logs to the console
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        int n = Integer.getInteger("bench.n", 3000);
        int warmup = Integer.getInteger("bench.warmup", 3000);
        int clients = Integer.getInteger("bench.clients", 8);
        int rounds = Integer.getInteger("bench.rounds", 5);
        List<String> scenarios = Stream.of(System.getProperty("bench.scenarios", "a,b,c").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
        if (scenarios.isEmpty() || !Set.of("a", "b", "c", "m").containsAll(scenarios)) {
            throw new IllegalArgumentException("bench.scenarios is a list of a, b, c, m; got " + scenarios);
        }
        Path results = Path.of(System.getProperty("bench.results", "bench/target/bench-results.md"));
        if (n < 1 || warmup < 0 || clients < 1 || rounds < 1 || rounds > n) {
            throw new IllegalArgumentException("bench.n >= 1, bench.warmup >= 0, bench.clients >= 1 and 1 <= bench.rounds <= bench.n please");
        }
        Path tmp = Files.createTempDirectory("careloop-bench-");
        Thread cleanup = new Thread(() -> deleteRecursively(tmp), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            new IntakeBench(n, warmup, clients, rounds, scenarios, results, tmp).run();
        } finally {
            deleteRecursively(tmp);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private void run() throws Exception {
        System.out.printf("CareLoop intake bench: N=%d in %d rounds, warm-up %d, %d HTTP clients, H2 file databases under %s%n",
                n, rounds, warmup, clients, tmp);
        List<Scenario> started = new ArrayList<>();
        List<Result> out = new ArrayList<>();
        try {
            for (String id : scenarios) { // in the order given
                Scenario s = switch (id) {
                    case "a" -> new Baseline(false);
                    case "m" -> new Baseline(true);
                    case "b" -> new JavaIntake();
                    default -> new HttpIntake();
                };
                System.out.printf("(%s) %s: starting ...%n", s.id(), s.name());
                s.start();
                started.add(s);
            }
            // every scenario warms up before any is measured: the JIT then has seen all the code
            // (Camunda, FEEL, H2 are shared) and the order of the scenarios does not favour the later ones
            Map<String, Phase> warmups = new java.util.HashMap<>();
            for (Scenario s : started) {
                System.out.printf("(%s) warm-up %d with %d thread(s) ...%n", s.id(), warmup, s.threads());
                Phase w = phase(s.threads(), 0, warmup, s::op);
                if (w.errors.get() > 0) {
                    System.out.printf("(%s) warm-up had %d errors, first: %s%n", s.id(), w.errors.get(), w.firstErrors.get(0));
                }
                warmups.put(s.id(), w);
            }
            // measured in rounds, the scenarios taking turns (and the order rotating), so that a
            // change in the machine's load during the run hits every scenario alike
            Map<String, Phase> measured = new java.util.HashMap<>();
            Map<String, List<Result.Round>> perRound = new java.util.HashMap<>();
            int done = 0;
            for (int round = 0; round < rounds; round++) {
                int count = n / rounds + (round < n % rounds ? 1 : 0);
                for (int k = 0; k < started.size(); k++) {
                    Scenario s = started.get((k + round) % started.size());
                    Phase m = phase(s.threads(), warmup + done, count, s::op);
                    System.out.printf("(%s) round %d/%d: %d with %d thread(s): %.0f tickets/s, p50 %.2f ms; CPU this JVM %.0f%%, others %.0f%%%n",
                            s.id(), round + 1, rounds, count, s.threads(), (count - m.errors.get()) / (m.elapsedNanos / 1e9),
                            m.histogram.getValueAtPercentile(50) / 1000.0, 100 * m.cpu.self(), 100 * m.cpu.others());
                    measured.merge(s.id(), m, Phase::plus);
                    perRound.computeIfAbsent(s.id(), x -> new ArrayList<>()).add(new Result.Round(round + 1,
                            (count - m.errors.get()) / (m.elapsedNanos / 1e9), m.cpu.others()));
                }
                done += count;
            }
            for (Scenario s : started) {
                Phase m = measured.get(s.id());
                Phase w = warmups.get(s.id());
                Result r = new Result(s.id(), s.name(), s.threads(), m.histogram, m.elapsedNanos,
                        m.errors.get() + w.errors.get(), m.errors.get(),
                        List.copyOf(m.firstErrors.isEmpty() ? w.firstErrors : m.firstErrors), m.cpu,
                        perRound.get(s.id()));
                System.out.printf("(%s) %.0f tickets/s, p50 %.2f ms, p99 %.2f ms, errors %d; CPU: this JVM %.0f%%, other processes %.0f%% of the machine%n",
                        s.id(), r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.measuredErrors(),
                        100 * m.cpu.self(), 100 * m.cpu.others());
                s.check(r);
                out.add(r);
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("cannot stop scenario " + started.get(i).id() + ": " + e);
                }
            }
        }
        Report report = new Report(out, n, warmup, clients, rounds, environment());
        System.out.println();
        System.out.println(report.text());
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report.markdown(), StandardCharsets.UTF_8);
        System.out.println("Markdown written to " + results.toAbsolutePath().normalize());
    }

    /** One scenario: started once, then driven through {@link #op} for item indexes, checked after. */
    private interface Scenario extends AutoCloseable {
        String id();

        String name();

        int threads();

        void start() throws Exception;

        void op(int sampleIndex) throws Exception;

        void check(Result r);

        @Override
        void close();
    }

    // ---- (a) bare Camunda ---------------------------------------------------------------------

    /** (a), or with {@code minimal} (m): the same engine starting a start - user task - end process. */
    private final class Baseline implements Scenario {
        private final int year = ZonedDateTime.now(ZoneOffset.UTC).getYear();
        private final boolean minimal;
        private final String key;
        private BareCamunda camunda;
        private RuntimeService runtime;

        Baseline(boolean minimal) {
            this.minimal = minimal;
            this.key = minimal ? BareCamunda.MINIMAL_KEY : BareCamunda.PROCESS_KEY;
        }

        public String id() {
            return minimal ? "m" : "a";
        }

        public String name() {
            return minimal ? "bare Camunda 7.24: start a minimal process" : "bare Camunda 7.24: start ticket-lifecycle";
        }

        public int threads() {
            return 1;
        }

        public void start() {
            // the database settings CareLoop's default H2 URL has: the same database for every scenario
            String url = "jdbc:h2:file:" + tmp.resolve(minimal ? "minimal" : "baseline").resolve("camunda").toAbsolutePath() + SettingsLoader.H2_OPTIONS
                    + DB_OPTIONS;
            camunda = BareCamunda.start(url, POOL_SIZE);
            if (minimal) {
                camunda.deployMinimal();
            }
            runtime = camunda.engine().getRuntimeService();
        }

        public void op(int i) {
            String number = String.format("CL-%04d-%06d", year, i + 1);
            VariableMap vars = Variables.createVariables().putValue("ticketNumber", number);
            vars.putAll(samples.get(i).processVariables());
            runtime.startProcessInstanceByKey(key, number, vars);
        }

        public void check(Result r) {
            long expected = warmup + n - r.errors();
            long instances = runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
            long handleTasks = camunda.engine().getTaskService().createTaskQuery().taskDefinitionKey("handle").count();
            r.check(String.format("process instances %d, handle tasks %d (expected %d each)", instances, handleTasks, expected),
                    r.errors() == 0 && instances == expected && handleTasks == expected);
        }

        public void close() {
            if (camunda != null) {
                camunda.close();
            }
        }
    }

    // ---- (b) CareLoop through the Java service ------------------------------------------------

    private final class JavaIntake implements Scenario {
        private CareLoop careLoop;

        public String id() {
            return "b";
        }

        public String name() {
            return "CareLoop IntakeService.intake (Java)";
        }

        public int threads() {
            return 1;
        }

        public void start() {
            careLoop = startCareLoop("careloop-b");
        }

        public void op(int i) {
            IntakeResult res = careLoop.intake().intake(samples.get(i).draft(), "bench", "b-" + i, "bench");
            if (res.duplicate()) {
                throw new IllegalStateException("answered as a duplicate");
            }
        }

        public void check(Result r) {
            checkCareLoop(careLoop, r);
        }

        public void close() {
            if (careLoop != null) {
                careLoop.close();
            }
        }
    }

    // ---- (c) CareLoop over HTTP ---------------------------------------------------------------

    private final class HttpIntake implements Scenario {
        private CareLoop careLoop;
        private Javalin app;
        private HttpClient http;
        private URI uri;
        private String token;

        public String id() {
            return "c";
        }

        public String name() {
            return "CareLoop POST /api/v1/tickets (HTTP)";
        }

        public int threads() {
            return clients;
        }

        public void start() {
            careLoop = startCareLoop("careloop-c");
            User user = careLoop.users().create("bench", "Bench client", BENCH_PASSWORD, EnumSet.of(Role.AGENT),
                    List.of(), "bench");
            token = careLoop.users().createToken(user, "bench", null).secret();
            app = WebServer.create(careLoop).start(0);
            uri = URI.create("http://localhost:" + app.port() + "/api/v1/tickets");
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        public void op(int i) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "c-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(samples.get(i).json(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
            }
        }

        public void check(Result r) {
            checkCareLoop(careLoop, r);
        }

        public void close() {
            try {
                if (app != null) {
                    app.stop();
                }
            } finally {
                if (careLoop != null) {
                    careLoop.close();
                }
            }
        }
    }

    private CareLoop startCareLoop(String name) {
        Path dir = tmp.resolve(name);
        // as CareLoop's default H2 URL (SettingsLoader), in the scenario's own directory
        String url = "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath() + SettingsLoader.H2_OPTIONS + DB_OPTIONS;
        Settings settings = new Settings(0, dir, url, "sa", "", POOL_SIZE, dir.resolve("plugins"), false, null,
                false, Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
        return CareLoop.start(settings, Clock.systemUTC());
    }

    /** After the run: every accepted item is one ticket, classified and linked to its process. */
    private void checkCareLoop(CareLoop careLoop, Result r) {
        long expected = warmup + n - r.errors();
        DataSource ds = careLoop.database().dataSource();
        long tickets = count(ds, "SELECT COUNT(*) FROM ticket");
        long unclassified = count(ds, "SELECT COUNT(*) FROM ticket WHERE queue IS NULL OR priority IS NULL "
                + "OR resolution_due IS NULL OR process_instance_id IS NULL");
        long customers = count(ds, "SELECT COUNT(*) FROM customer");
        long audit = count(ds, "SELECT COUNT(*) FROM audit_event");
        // one ticket-lifecycle instance per ticket; product-quality tickets also open a quality-complaint instance
        long instances = careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(BareCamunda.PROCESS_KEY).count();
        r.check(String.format("tickets %d (expected %d), unclassified %d, ticket-lifecycle instances %d, customers %d, audit events %d",
                tickets, expected, unclassified, instances, customers, audit),
                r.errors() == 0 && tickets == expected && unclassified == 0 && instances == expected);
    }

    private static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    // ---- measuring ----------------------------------------------------------------------------

    @FunctionalInterface
    interface Op {
        void run(int sampleIndex) throws Exception;
    }

    private static final class Phase {
        final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        final AtomicInteger errors = new AtomicInteger();
        final List<String> firstErrors = new CopyOnWriteArrayList<>();
        long elapsedNanos;
        CpuSampler.Usage cpu;

        /** The two phases as one: latencies and errors together, wall times added, CPU weighted by time. */
        Phase plus(Phase other) {
            Phase p = new Phase();
            p.histogram.add(histogram);
            p.histogram.add(other.histogram);
            p.errors.set(errors.get() + other.errors.get());
            p.firstErrors.addAll(firstErrors);
            other.firstErrors.stream().limit(Math.max(0, 5 - firstErrors.size())).forEach(p.firstErrors::add);
            p.elapsedNanos = elapsedNanos + other.elapsedNanos;
            double wa = elapsedNanos / (double) p.elapsedNanos;
            double wb = 1 - wa;
            p.cpu = new CpuSampler.Usage(wa * cpu.self() + wb * other.cpu.self(), wa * cpu.others() + wb * other.cpu.others(),
                    cpu.processCpuNanos() + other.cpu.processCpuNanos(),
                    cpu.javaThreadCpuNanos() + other.cpu.javaThreadCpuNanos(), cpu.allocatedBytes() + other.cpu.allocatedBytes());
            return p;
        }
    }

    /**
     * Runs items {@code from .. from+count-1}, {@code threads} threads each pulling the next item
     * from a shared counter. Latency is recorded per successful operation (µs); the wall time is
     * from the moment all threads are released to the moment the last one finishes.
     */
    private static Phase phase(int threads, int from, int count, Op op) {
        Phase p = new Phase();
        AtomicInteger next = new AtomicInteger(from);
        int end = from + count;
        List<Histogram> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicLong workerCpu = new AtomicLong();
        AtomicLong workerBytes = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            Histogram h = new Histogram(HIGHEST_MICROS, 3);
            perThread.add(h);
            Thread worker = new Thread(() -> {
                ready.countDown();
                await(go);
                long[] own = CpuSampler.own();
                try {
                    work(next, end, op, h, p);
                } finally {
                    long[] now = CpuSampler.own();
                    workerCpu.addAndGet(now[0] - own[0]);
                    workerBytes.addAndGet(now[1] - own[1]);
                }
            }, "bench-client-" + t);
            workers.add(worker);
            worker.start();
        }
        await(ready);
        CpuSampler cpu = CpuSampler.start(workers.stream().map(Thread::getId).collect(Collectors.toSet()));
        long start = System.nanoTime();
        go.countDown();
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        p.elapsedNanos = System.nanoTime() - start;
        p.cpu = cpu.stop().plus(workerCpu.get(), workerBytes.get());
        perThread.forEach(p.histogram::add);
        return p;
    }

    /** One worker's share: the next item until none is left. */
    private static void work(AtomicInteger next, int end, Op op, Histogram h, Phase p) {
        for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            try {
                op.run(i);
                h.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - t0) / 1_000));
            } catch (Exception | AssertionError e) {
                p.errors.incrementAndGet();
                if (p.firstErrors.size() < 5) {
                    p.firstErrors.add("item " + i + ": " + e);
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- environment and cleanup ---------------------------------------------------------------

    private static Map<String, String> environment() {
        var rt = ManagementFactory.getRuntimeMXBean();
        String xmx = rt.getInputArguments().stream().filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM"))
                .collect(Collectors.joining(" "));
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        String camunda = ProcessEngine.class.getPackage().getImplementationVersion();
        String javalin = Javalin.class.getPackage().getImplementationVersion();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        env.put("heap", (xmx.isEmpty() ? "no -Xmx (JVM default)" : xmx) + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, GC " + gc);
        env.put("machine", Runtime.getRuntime().availableProcessors() + " cores (availableProcessors), "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + cpuModel());
        if (!DB_OPTIONS.isEmpty()) {
            env.put("h2 options", DB_OPTIONS.substring(1) + " (bench.dbOptions, every scenario)");
        }
        env.put("stack", "Camunda " + (camunda == null ? "7.24" : camunda) + ", H2 " + org.h2.engine.Constants.FULL_VERSION
                + ", Javalin " + (javalin == null ? "?" : javalin) + ", HikariCP pool " + POOL_SIZE);
        return env;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> ", " + l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("cannot delete " + p + ": " + e);
                }
            });
        } catch (IOException e) {
            System.err.println("cannot delete " + root + ": " + e);
        }
    }
}
