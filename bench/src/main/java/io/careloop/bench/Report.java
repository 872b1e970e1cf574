package io.careloop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results table, as aligned text for the console and as Markdown for bench-results.md. */
final class Report {

    static final double TARGET_TPS = 500;
    static final double TARGET_RATIO = 0.6;
    /** A round in which other processes used more of the machine than this is flagged as disturbed. */
    static final double BUSY = 0.10;

    private static final String[] HEAD = {"scenario", "clients", "tickets/s", "p50 ms", "p99 ms", "max ms", "errors", "vs a",
            "CPU ms/ticket", "thread CPU ms/ticket", "alloc KiB/ticket", "CPU this JVM", "CPU others"};

    private final List<Result> results;
    private final int n;
    private final int warmup;
    private final int clients;
    private final int rounds;
    private final Map<String, String> env;

    Report(List<Result> results, int n, int warmup, int clients, int rounds, Map<String, String> env) {
        this.results = results;
        this.n = n;
        this.warmup = warmup;
        this.clients = clients;
        this.rounds = rounds;
        this.env = env;
    }

    private Result find(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private List<String[]> rows() {
        Result a = find("a");
        List<String[]> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(new String[] {
                    "(" + r.id() + ") " + r.name(),
                    String.valueOf(r.threads()),
                    fmt("%.0f", r.throughput()),
                    fmt("%.2f", r.percentileMillis(50)),
                    fmt("%.2f", r.percentileMillis(99)),
                    fmt("%.1f", r.maxMillis()),
                    String.valueOf(r.measuredErrors()),
                    a == null ? "" : fmt("%.2f", r.throughput() / a.throughput()),
                    fmt("%.2f", r.cpuMillisPerOp()),
                    fmt("%.2f", r.javaThreadCpuMillisPerOp()),
                    fmt("%.0f", r.allocatedKibPerOp()),
                    fmt("%.0f%%", 100 * r.cpu().self()),
                    fmt("%.0f%%", 100 * r.cpu().others())});
        }
        return rows;
    }

    private List<String> summary() {
        List<String> lines = new ArrayList<>();
        Result a = find("a");
        Result b = find("b");
        Result c = find("c");
        if (a != null && a.throughput() <= 0) {
            lines.add("(a) measured nothing (every operation failed, see below): no ratio can be given");
            a = null;
        }
        if (a != null && b != null) {
            lines.add(fmt("b/a = %.2f (CareLoop intake in Java vs bare Camunda, both one thread)", b.throughput() / a.throughput()));
        }
        if (a != null && c != null) {
            lines.add(fmt("c/a = %.2f (CareLoop over HTTP with %d clients vs bare Camunda with one thread); target >= %.1f: %s",
                    c.throughput() / a.throughput(), c.threads(), TARGET_RATIO,
                    c.throughput() / a.throughput() >= TARGET_RATIO ? "met" : "NOT met"));
        }
        if (c != null) {
            lines.add(fmt("c = %.0f tickets/s; target >= %.0f: %s", c.throughput(), TARGET_TPS,
                    c.throughput() >= TARGET_TPS ? "met" : "NOT met"));
        }
        double worst = results.stream().flatMap(r -> r.rounds().stream()).mapToDouble(Result.Round::othersCpu).max().orElse(0);
        if (worst > BUSY) {
            lines.add(fmt("WARNING: other processes used up to %.0f%% of the machine in some rounds (see the rounds below):"
                    + " the numbers are depressed and the ratios unreliable; run again on a quiet machine", 100 * worst));
        }
        lines.add("CPU ms/ticket: CPU time of the whole JVM (bench clients, GC and JIT included) per ticket in the measured phase;"
                + " thread CPU ms/ticket and alloc KiB/ticket: CPU time and heap allocation of the Java threads alone (no GC, JIT, profiler),"
                + " steadier than the rest when the machine is shared;"
                + " CPU this JVM / others: mean share of the whole machine used by this JVM and by other processes;"
                + " 'others' well above 0% means a busy machine depressed the numbers");
        for (Result r : results) {
            for (String check : r.checks()) {
                lines.add("(" + r.id() + ") " + check);
            }
            if (r.errors() > 0) {
                lines.add("(" + r.id() + ") " + r.errors() + " failed operations (warm-up included); first: "
                        + String.join(" | ", r.firstErrors()));
            }
        }
        return lines;
    }

    private List<String> header() {
        List<String> lines = new ArrayList<>();
        lines.add(fmt("N = %d measured per scenario in %d interleaved rounds, after %d warm-up (every scenario warms up before"
                + " the first is measured); (c) with %d concurrent HTTP clients; H2 file mode, a fresh database per scenario",
                n, rounds, warmup, clients));
        env.forEach((k, v) -> lines.add(k + ": " + v));
        return lines;
    }

    String text() {
        List<String[]> rows = rows();
        int[] width = new int[HEAD.length];
        for (int i = 0; i < HEAD.length; i++) {
            width[i] = HEAD[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        header().forEach(l -> sb.append(l).append('\n'));
        sb.append('\n');
        appendRow(sb, HEAD, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append(rule).append('\n');
        rows.forEach(r -> appendRow(sb, r, width));
        sb.append('\n');
        summary().forEach(l -> sb.append(l).append('\n'));
        sb.append('\n');
        String[] rh = roundHead();
        List<String[]> rr = roundRows();
        int[] rw = new int[rh.length];
        for (int i = 0; i < rh.length; i++) {
            rw[i] = rh[i].length();
            for (String[] row : rr) {
                rw[i] = Math.max(rw[i], i < row.length ? row[i].length() : 0);
            }
        }
        appendRow(sb, rh, rw);
        rr.forEach(r -> appendRow(sb, r, rw));
        return sb.toString();
    }

    /** Each scenario's throughput per round, with the other processes' share of the machine in brackets. */
    private List<String[]> roundRows() {
        List<String[]> rows = new ArrayList<>();
        for (Result r : results) {
            List<String> cells = new ArrayList<>();
            cells.add("(" + r.id() + ")");
            for (Result.Round round : r.rounds()) {
                cells.add(fmt("%.0f (%.0f%%)", round.throughput(), 100 * round.othersCpu()));
            }
            rows.add(cells.toArray(String[]::new));
        }
        return rows;
    }

    private String[] roundHead() {
        int count = results.stream().mapToInt(r -> r.rounds().size()).max().orElse(0);
        String[] head = new String[count + 1];
        head[0] = "tickets/s (others' CPU) by round";
        for (int i = 1; i <= count; i++) {
            head[i] = "round " + i;
        }
        return head;
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(i == 0 ? String.format("%-" + width[i] + "s", cells[i]) : String.format("%" + width[i] + "s", cells[i]));
        }
        sb.append('\n');
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("# CareLoop intake bench results\n\n");
        header().forEach(l -> sb.append("- ").append(l).append('\n'));
        sb.append('\n');
        sb.append("| ").append(String.join(" | ", HEAD)).append(" |\n");
        sb.append("|---|").append("---:|".repeat(HEAD.length - 1)).append('\n');
        for (String[] r : rows()) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        sb.append('\n');
        summary().forEach(l -> sb.append("- ").append(l).append('\n'));
        sb.append('\n');
        String[] rh = roundHead();
        sb.append("| ").append(String.join(" | ", rh)).append(" |\n");
        sb.append("|---|").append("---:|".repeat(rh.length - 1)).append('\n');
        for (String[] r : roundRows()) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        sb.append("\nLatency is per operation (HdrHistogram, µs resolution); tickets/s is successful operations over the"
                + " wall time of the measured phase. See bench/README.md for how to read the ratios.\n");
        return sb.toString();
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
