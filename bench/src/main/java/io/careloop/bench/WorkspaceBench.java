package io.careloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.CareLoop;
import io.careloop.web.WebServer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent workspace against the performance figure: with {@code bench.tickets} tickets
 * (default 1,000,000, a fifth open) the queue API answers a page in p95 &lt; 50 ms and the queue
 * screen shows its first page &lt; 1 s after navigation in headless Chromium. Each figure stands
 * beside the same measurement on a small database ({@code bench.baseTickets}, default 10,000) in the
 * same run. The databases are kept between runs ({@link WorkspaceData}). Not a test:
 * {@code mvn -q -Pbench -pl bench exec:java@workspace-bench} (bench/README.md).
 */
public final class WorkspaceBench {

    private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
    private static final int BASE_TICKETS = Integer.getInteger("bench.baseTickets", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 40);
    private static final int PAGES = Integer.getInteger("bench.pages", 3);
    private static final int NAVIGATIONS = Integer.getInteger("bench.navigations", 20);
    private static final boolean BROWSER = Boolean.parseBoolean(System.getProperty("bench.browser", "true"));
    private static final boolean REFILL = Boolean.getBoolean("bench.refill");
    /**
     * Only the rows whose name contains one of these comma-separated words, e.g. {@code counts,category}
     * ("browser" selects the Chromium part); empty: every row. A word no row has (say {@code fill})
     * only opens, and so fills or migrates, the databases.
     */
    private static final List<String> ONLY = List.of(System.getProperty("bench.only", "").split(",")).stream()
            .map(String::trim).filter(w -> !w.isEmpty()).toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One queue view as the screen asks for it; {@code lead} = as the supervisor (no data scope). */
    private record View(String name, String query, boolean lead) {
    }

    private static final List<View> VIEWS = List.of(
            new View("mine", "assignee=me&open=true", false),
            new View("unassigned", "assignee=none&open=true", false),
            new View("queue service-desk", "queue=service-desk&open=true", false),
            new View("at risk", "sla=at-risk&open=true", false),
            new View("breached", "sla=breached&open=true", false),
            new View("unassigned, severity high, channel email", "assignee=none&open=true&severity=high&channel=email", false),
            new View("queue key-accounts, tier VIP", "queue=key-accounts&open=true&tier=VIP", false),
            new View("queue service-desk, category + product", "queue=service-desk&open=true&category=medical-inquiry&product="
                    + URLEncoder.encode("Amoxil 500", StandardCharsets.UTF_8), false),
            new View("mine, newest first (sort=created)", "assignee=me&open=true&sort=created", false),
            new View("all open, supervisor (no scope)", "open=true", true));

    /**
     * The counts the screen asks for, as the agent (data scope: two queues and their own tickets) and as
     * the supervisor (no scope): plain, then with the filters of a narrowed queue screen.
     */
    private static final List<View> COUNTS = List.of(new View("", "", false), new View("", "?severity=high&tier=VIP", false),
            new View(", supervisor", "", true), new View(", supervisor", "?category=medical-inquiry&product="
                    + URLEncoder.encode("Amoxil 500", StandardCharsets.UTF_8), true));

    private static final List<String> SCREENS = List.of("/queues/mine", "/queues/unassigned", "/queues/queue%3Aservice-desk",
            "/queues/at-risk");

    /** What one database size measured: name → p50/p95/max in ms, and the browser's samples. */
    private record Run(int tickets, Map<String, double[]> api, double[] browser, long scriptBytes) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && !Files.isRegularFile(root.resolve("bench/pom.xml"))) {
            root = root.getParent();
        }
        Run small = run(root, BASE_TICKETS);
        Run large = run(root, TICKETS);
        String table = table(small, large);
        System.out.println();
        System.out.println(table);
        Path out = root.resolve("bench/target/workspace-bench-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("written to " + out);
    }

    private static Run run(Path root, int tickets) throws Exception {
        System.out.printf("%n== %,d tickets (load average %s)%n", tickets, Suite.loadAverage());
        try (CareLoop careLoop = WorkspaceData.open(root, tickets, REFILL)) {
            Javalin app = WebServer.create(careLoop).start(0);
            try {
                URI base = URI.create("http://localhost:" + app.port());
                HttpClient http = HttpClient.newHttpClient();
                String agent = login(http, base, WorkspaceData.AGENT);
                String lead = login(http, base, WorkspaceData.LEAD);
                Map<String, double[]> api = new LinkedHashMap<>();
                // every view a few times first, so that the JIT has compiled the paths they share
                for (int i = 0; i < 10; i++) {
                    for (View v : VIEWS.stream().filter(v -> selected("page " + v.name())).toList()) {
                        pages(http, base, v.lead() ? lead : agent, v.query(), null, null);
                    }
                }
                for (View v : VIEWS.stream().filter(v -> selected("page " + v.name())).toList()) {
                    List<Long> first = new ArrayList<>();
                    List<Long> next = new ArrayList<>();
                    String cookie = v.lead() ? lead : agent;
                    for (int i = 0; i < 10; i++) {
                        pages(http, base, cookie, v.query(), null, null);
                    }
                    long cpu = cpuNanos();
                    for (int i = 0; i < ROUNDS; i++) {
                        pages(http, base, cookie, v.query(), first, next);
                    }
                    double cpuMs = (cpuNanos() - cpu) / 1e6 / (first.size() + next.size());
                    api.put("page 1: " + v.name(), withCpu(stats(first), cpuMs));
                    api.put("pages 2-" + (PAGES + 1) + " (keyset): " + v.name(), withCpu(stats(next), cpuMs));
                    System.out.printf("  %-60s p95 page 1 %6.1f ms, next pages %6.1f ms%n", v.name(), stats(first)[1],
                            stats(next)[1]);
                }
                for (View counts : COUNTS.stream().filter(c -> selected("counts: GET /api/v1/queues" + c.query() + c.name()))
                        .toList()) {
                    String cookie = counts.lead() ? lead : agent;
                    List<Long> us = new ArrayList<>();
                    // as many rounds as a page: since V21 a count reads the roll-up, not every open ticket
                    int rounds = ROUNDS;
                    String path = "/api/v1/queues" + counts.query();
                    String row = "counts: GET " + path + counts.name();
                    for (int i = 0; i < 3; i++) {
                        get(http, base, cookie, path);
                    }
                    long cpu = cpuNanos();
                    for (int i = 0; i < rounds; i++) {
                        us.add(get(http, base, cookie, path).micros());
                    }
                    api.put(row, withCpu(stats(us), (cpuNanos() - cpu) / 1e6 / rounds));
                }
                double[] browser = null;
                long scripts = 0;
                if (!selected("browser")) {
                    System.out.println("  browser part not selected (bench.only)");
                } else if (BROWSER && WorkspaceBrowser.available()) {
                    try (WorkspaceBrowser b = WorkspaceBrowser.start()) {
                        b.signIn(base.toString(), WorkspaceData.AGENT, WorkspaceData.PASSWORD);
                        List<Double> ms = b.firstRows(base.toString(), SCREENS, 4, NAVIGATIONS);
                        browser = statsMs(ms);
                        scripts = b.scriptBytes();
                    }
                } else {
                    System.out.println("  browser part skipped (bench.browser=false or no /usr/bin/chromium + chromedriver)");
                }
                return new Run(tickets, api, browser, scripts);
            } finally {
                app.stop();
            }
        }
    }

    private static boolean selected(String row) {
        return ONLY.isEmpty() || ONLY.stream().anyMatch(row::contains);
    }

    /** Page 1 of the view, then {@link #PAGES} more by the keyset cursor each answer gives; times in µs. */
    private static void pages(HttpClient http, URI base, String cookie, String query, List<Long> first, List<Long> next)
            throws Exception {
        String path = "/api/v1/tickets?" + query + "&limit=50";
        String cursor = null;
        for (int p = 0; p <= PAGES; p++) {
            Answer a = get(http, base, cookie, cursor == null ? path : path + "&cursor=" + URLEncoder.encode(cursor,
                    StandardCharsets.UTF_8));
            if (first != null) {
                (p == 0 ? first : next).add(a.micros());
            }
            JsonNode c = JSON.readTree(a.body()).path("nextCursor");
            if (c.isNull() || c.isMissingNode()) {
                return;
            }
            cursor = c.asText();
        }
    }

    private record Answer(long micros, String body) {
    }

    private static Answer get(HttpClient http, URI base, String cookie, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).build();
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        long us = (System.nanoTime() - t) / 1000;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return new Answer(us, r.body());
    }

    /**
     * CPU time of this whole JVM (server, H2, client, GC, JIT): per request it hardly depends on how
     * busy the machine is, unlike the wall times, and on an idle core a request takes about that long.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double[] withCpu(double[] stats, double cpuMs) {
        return new double[] {stats[0], stats[1], stats[2], cpuMs};
    }

    /** p50, p95, max in ms of samples in µs. */
    private static double[] stats(List<Long> micros) {
        return statsMs(micros.stream().map(u -> u / 1e3).toList());
    }

    private static double[] statsMs(List<Double> ms) {
        if (ms.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1]};
    }

    private static String table(Run small, Run large) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Agent workspace, %s, load average %s; %d rounds per API row (after 10 of every view, then 10 of its own),"
                + " %d navigations (after 4 warm-up) in headless Chromium%n%n", Suite.now(), Suite.loadAverage(), ROUNDS,
                NAVIGATIONS));
        md.append(String.format(Locale.ROOT, "| request | p50 ms at %,d | p95 ms at %,d | p50 ms at %,d | p95 ms at %,d | max ms | p95 ratio | CPU ms/request at %,d / %,d | target |%n",
                large.tickets(), large.tickets(), small.tickets(), small.tickets(), large.tickets(), small.tickets()));
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, double[]> e : large.api().entrySet()) {
            double[] b = small.api().get(e.getKey());
            if (!Double.isNaN(e.getValue()[0])) { // a view of one page has no keyset pages
                row(md, e.getKey(), e.getValue(), b, "< 50 ms");
            }
        }
        if (large.browser() != null && small.browser() != null) {
            row(md, "queue screen: navigation → first page of rows on screen (Chromium)", large.browser(), small.browser(),
                    "< 1,000 ms");
            md.append(String.format(Locale.ROOT, "%nScript loaded by the queue screen: %,d bytes (compressed).%n",
                    large.scriptBytes()));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, double[] at, double[] base, String target) {
        String cpu = at.length > 3 ? String.format(Locale.ROOT, "%.1f / %.1f", at[3], base[3]) : "";
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %s | %s %s |%n", name, at[0], at[1],
                base[0], base[1], at[2], at[1] / base[1], cpu, target, at[1] < Double.parseDouble(target.replaceAll("[^0-9]", ""))
                        ? "met" : "**missed**"));
    }

    private static String login(HttpClient http, URI base, String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                        + WorkspaceData.PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException("login failed: " + r.body()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private WorkspaceBench() {
    }
}
