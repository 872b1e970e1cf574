package io.careloop.bench;

import io.careloop.bench.Suite.Part;
import io.careloop.bench.Suite.Sizes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** docs/performance.md from the parts of one {@link Suite} run: every figure beside its same-run baseline. */
final class SuiteReport {

    private final Map<String, Part> parts;
    private final List<String> rows = new ArrayList<>();

    private SuiteReport(Map<String, Part> parts) {
        this.parts = parts;
    }

    static String markdown(Sizes sizes, Map<String, Part> parts, Instant started, String loadStart, String loadEnd,
                           String machine, String commit) {
        SuiteReport r = new SuiteReport(parts);
        r.intake("intake-h2", "H2 file, 1 node", "≥ 500 tickets/s");
        r.intake("intake-pg", "PostgreSQL 17, 1 node", "");
        r.twoNodes();
        r.heap();
        r.queue(sizes);
        r.timers(sizes);
        r.steadyTimers();
        r.importRate();
        StringBuilder md = new StringBuilder();
        md.append("# CareLoop performance\n\n");
        md.append("Written by the benchmark suite (bench/README.md, *Suite*); the figures below are the last run's. ")
                .append("**The machine is shared**: absolute numbers move with its load (given per part); compare the ")
                .append("ratios, each against a baseline measured in the same run, on the same kind of database.\n\n");
        md.append("- Date: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" to ").append(Suite.now())
                .append(" (UTC), commit `").append(commit).append("`\n");
        md.append("- Machine: ").append(machine).append('\n');
        md.append("- Load average (1, 5, 15 min): ").append(loadStart).append(" at the start, ").append(loadEnd)
                .append(" at the end\n");
        md.append("- Sizes: ").append(sizes.name()).append(" (").append(sizes).append(")\n");
        md.append("- Command (from the repository root):\n\n```bash\n")
                .append("mvn -q -Pbench -DskipTests -Dexec.skip=true install\n")
                .append("mvn -q -Pbench -pl bench exec:java@suite -Dbench.size=").append(sizes.name()).append(overrides())
                .append('\n')
                .append("```\n\n");
        md.append("| figure | value | baseline (same run) | ratio | target | load avg during the part |\n");
        md.append("|---|---|---|---|---|---|\n");
        r.rows.forEach(row -> md.append(row).append('\n'));
        md.append("\nEach part ran in a JVM of its own; its command (`java -cp <bench classpath> …`):\n\n");
        for (Part p : parts.values()) {
            md.append(String.format(Locale.ROOT, "- %s: `%s` — %.0f s, exit %d%n", p.name(), String.join(" ", p.command()),
                    p.seconds(), p.exitCode()));
        }
        md.append("\nBaselines: *raw JDBC* is single-row `INSERT` + `COMMIT` of a ticket-sized row with two indexes from ")
                .append("one thread, on the same kind of database and settings; *bare Camunda* is a Camunda 7.24 engine with ")
                .append("CareLoop's engine settings starting ticket-lifecycle single-threaded with no-op beans (bench/README.md). ")
                .append("Timer lateness is the start of a real ticket-lifecycle SLA boundary event (Camunda's history) minus ")
                .append("its due date, for timers made due at the same moment (*timers*: a burst, which measures how fast the ")
                .append("node works off a backlog) or falling due one after another at a steady rate (*timers-steady*: the ")
                .append("delay a timer sees in normal running); its baseline is the same due timers among only their own ")
                .append("tickets' timers (bench/README.md, *Timers*).\n");
        return md.toString();
    }

    /**
     * The suite's settings this run was given beside the size (sorted); bench/pom.xml sets the single
     * benches' knobs (bench.n, bench.clients, ...) for every run, so only the suite's own are named.
     */
    private static String overrides() {
        StringBuilder b = new StringBuilder();
        Stream.of("bench.intake.n", "bench.intake.warmup", "bench.queue.tickets", "bench.queue.rounds", "bench.timers",
                        "bench.dueTimers", "bench.dueRate", "bench.import.rows", "bench.parts", "bench.gc", "bench.output")
                .sorted().filter(k -> System.getProperty(k) != null)
                .forEach(k -> b.append(" -D").append(k).append('=').append(System.getProperty(k)));
        return b.toString();
    }

    private String load(Part p) {
        return p.loadBefore().split(" ")[0] + " → " + p.loadAfter().split(" ")[0];
    }

    private void row(Part p, String figure, Double value, String unit, Double baseline, String baseName, String target) {
        String v = value == null ? "not measured" : fmt(value) + " " + unit;
        String b = baseline == null ? "" : fmt(baseline) + " " + baseName;
        String ratio = value == null || baseline == null || baseline == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / baseline);
        rows.add("| " + figure + " | " + v + " | " + b + " | " + ratio + " | " + target + " | " + load(p) + " |");
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private void intake(String name, String db, String target) {
        Part p = parts.get(name);
        if (p == null) {
            return;
        }
        String ok = p.exitCode() == 0 && zero(p, "intake.errors") && zero(p, "intake.missing_tickets") ? "" : " (FAILED: see log)";
        row(p, "intake over HTTP, " + db + ", tickets/s" + ok, p.get("intake.tickets_per_s"), "/s",
                p.get("camunda.starts_per_s"), "bare Camunda starts/s", target);
        row(p, "intake over HTTP, " + db + ", vs raw JDBC", p.get("intake.tickets_per_s"), "/s",
                p.get("jdbc.inserts_per_s"), "raw JDBC inserts/s", "");
        row(p, "intake over HTTP, " + db + ", p99", p.get("intake.p99_ms"), "ms", p.get("intake.p50_ms"), "ms (p50)", "");
        row(p, "intake over HTTP, " + db + ", CPU per ticket", p.get("intake.cpu_ms_per_ticket"), "ms", null, "", "");
    }

    private static boolean zero(Part p, String key) {
        return p.get(key) != null && p.get(key) == 0;
    }

    private void twoNodes() {
        Part two = parts.get("intake-pg-2");
        Part one = parts.get("intake-pg");
        if (two == null) {
            return;
        }
        String ok = two.exitCode() == 0 && zero(two, "intake.errors") && zero(two, "intake.missing_tickets") ? "" : " (FAILED: see log)";
        row(two, "intake over HTTP, PostgreSQL, 2 nodes in one JVM, tickets/s" + ok, two.get("intake.tickets_per_s"), "/s",
                one == null ? null : one.get("intake.tickets_per_s"), "1 node", "≥ 1.6 × 1 node");
        row(two, "intake over HTTP, PostgreSQL, 2 nodes, vs bare Camunda", two.get("intake.tickets_per_s"), "/s",
                one == null ? null : one.get("camunda.starts_per_s"), "bare Camunda starts/s", "");
        row(two, "intake over HTTP, PostgreSQL, 2 nodes, p99", two.get("intake.p99_ms"), "ms", two.get("intake.p50_ms"),
                "ms (p50)", "");
    }

    private void heap() {
        Part p = parts.get("heap");
        if (p == null) {
            return;
        }
        Part h2 = parts.get("intake-h2");
        boolean ok = p.exitCode() == 0 && zero(p, "intake.errors") && zero(p, "intake.missing_tickets");
        row(p, "intake over HTTP with -Xmx512m (H2): " + (ok ? "completed" : "FAILED") + ", tickets/s",
                p.get("intake.tickets_per_s"), "/s", h2 == null ? null : h2.get("intake.tickets_per_s"), "with -Xmx1g", "completes");
        row(p, "heap used at most, -Xmx512m run", p.get("heap.peak_mb"), "MB", p.get("heap.max_mb"), "MB max heap", "");
    }

    private void queue(Sizes sizes) {
        Part p = parts.get("queue");
        if (p == null) {
            return;
        }
        Double base = p.get("queue.baseline.p95_ms");
        for (Map.Entry<String, Double> e : p.figures().entrySet()) {
            String k = e.getKey();
            if (k.startsWith("queue.") && k.endsWith(".p95_ms") && !k.equals("queue.baseline.p95_ms")) {
                String view = k.substring("queue.".length(), k.length() - ".p95_ms".length());
                row(p, String.format(Locale.ROOT, "queue page p95 at %,d tickets: %s", sizes.queueTickets(), view), e.getValue(),
                        "ms", base, "ms old list (one queue, one status)", "");
            }
        }
    }

    private void timers(Sizes sizes) {
        Part p = parts.get("timers");
        if (p == null) {
            return;
        }
        String active = fmt(nz(p.get("timers.active.active")));
        String fired = fmt(nz(p.get("timers.active.fired"))) + " of " + fmt(nz(p.get("timers.active.due"))) + " due at once fired, "
                + count(p.get("timers.active.duplicates")) + " twice";
        String base = "ms, the same due timers among " + fmt(nz(p.get("timers.baseline.active"))) + " timers";
        row(p, "SLA timer lateness p50, " + active + " active timer jobs (" + fired + ")",
                p.get("timers.active.late_p50_ms"), "ms", p.get("timers.baseline.late_p50_ms"), base, "");
        row(p, "SLA timer lateness p99, " + active + " active timer jobs", p.get("timers.active.late_p99_ms"), "ms",
                p.get("timers.baseline.late_p99_ms"), base, "< 5,000 ms");
        row(p, "SLA timers fired per second (first to last)", p.get("timers.active.timers_per_s"), "/s",
                p.get("timers.baseline.timers_per_s"), "/s among few timers", "");
        row(p, "job executor CPU per SLA timer (acquisition + job threads)", p.get("timers.active.cpu_ms_per_timer"), "ms",
                p.get("timers.baseline.cpu_ms_per_timer"), "ms among few timers", "");
        row(p, "jobs per acquisition (" + fmt(nz(p.get("timers.active.acquisitions"))) + " acquisitions)",
                p.get("timers.active.jobs_per_acquisition"), "", p.get("timers.baseline.jobs_per_acquisition"), "among few timers", "");
        row(p, "acquisition query, mean", p.get("timers.active.acquire_ms"), "ms", p.get("timers.baseline.acquire_ms"),
                "ms among few timers", "");
        row(p, "tickets opened for the due timers (intake, 100 per transaction, 4 SLA timers each)",
                p.get("timers.open_tickets_per_s"), "/s", null, "", "");
        row(p, "heap used with the timer table filled (after a GC)", p.get("timers.heap_used_mb"), "MB", null, "", "");
    }

    private void steadyTimers() {
        Part p = parts.get("timers-steady");
        if (p == null) {
            return;
        }
        double due = nz(p.get("timers.active.due"));
        double spread = Math.max(1, nz(p.get("timers.active.due_spread_s")));
        String what = fmt(nz(p.get("timers.active.active"))) + " active timer jobs, " + fmt(due) + " falling due at "
                + fmt(due / spread) + "/s (" + fmt(nz(p.get("timers.active.fired"))) + " fired, "
                + count(p.get("timers.active.duplicates")) + " twice)";
        String base = "ms, the same due timers among " + fmt(nz(p.get("timers.baseline.active"))) + " timers";
        row(p, "SLA timer lateness p50, " + what, p.get("timers.active.late_p50_ms"), "ms",
                p.get("timers.baseline.late_p50_ms"), base, "");
        row(p, "SLA timer lateness p99, steady rate", p.get("timers.active.late_p99_ms"), "ms",
                p.get("timers.baseline.late_p99_ms"), base, "< 5,000 ms");
        row(p, "job executor CPU per SLA timer, steady rate", p.get("timers.active.cpu_ms_per_timer"), "ms",
                p.get("timers.baseline.cpu_ms_per_timer"), "ms among few timers", "");
    }

    /** A count, whole: "0", "2,000". */
    private static String count(Double d) {
        return String.format(Locale.ROOT, "%,.0f", nz(d));
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private void importRate() {
        Part p = parts.get("import");
        if (p == null) {
            return;
        }
        Part h2 = parts.get("intake-h2");
        Double raw = h2 == null ? null : h2.get("jdbc.inserts_per_s");
        row(p, "import (phone-log CSV, H2): rows/s", p.get("import.first.rows_per_s"), "/s", raw, "raw JDBC inserts/s (H2)", "");
        row(p, "re-import of the same file (all duplicates): rows/s", p.get("import.again.rows_per_s"), "/s", raw,
                "raw JDBC inserts/s (H2)", "");
    }
}
