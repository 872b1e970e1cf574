package io.careloop.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark suite, one command (bench/README.md, "Suite"): runs each part in a JVM of its own
 * (so that heaps do not mix and one part can run with {@code -Xmx512m}), collects the figures the
 * parts print and writes them, each beside its baseline measured in the same run, as a table to
 * {@code docs/performance.md} with the machine, the date, the load average and the commands.
 * Sizes: {@code -Dbench.size=quick} (default, a few minutes) or {@code full}; each size can be
 * set on its own (see {@link Sizes}). {@code -Dbench.parts=intake-h2,timers} runs a subset.
 */
public final class Suite {

    /** Where the hand-written part of docs/performance.md starts; kept from one run to the next. */
    static final String NOTES = "## Notes";

    static final List<String> PARTS = List.of("intake-h2", "intake-pg", "intake-pg-2", "heap", "queue", "timers", "timers-steady",
            "import");

    /** The sizes of one run; {@code quick} finishes in minutes, {@code full} are the sizes. */
    record Sizes(String name, int intakeN, int intakeWarmup, int clients, int queueTickets, int queueRounds, int timers,
                 int dueTimers, int dueRate, int importRows) {

        static Sizes fromProperties() {
            boolean full = System.getProperty("bench.size", "quick").equalsIgnoreCase("full");
            return new Sizes(full ? "full" : "quick",
                    Integer.getInteger("bench.intake.n", full ? 5000 : 1000),
                    Integer.getInteger("bench.intake.warmup", full ? 3000 : 1000),
                    Integer.getInteger("bench.clients", 8),
                    Integer.getInteger("bench.queue.tickets", full ? 1_000_000 : 100_000),
                    Integer.getInteger("bench.queue.rounds", full ? 200 : 100),
                    Integer.getInteger("bench.timers", full ? 100_000 : 10_000),
                    Integer.getInteger("bench.dueTimers", full ? 10_000 : 1_000),
                    // timers-steady: the due timers fall due one after another at this rate (per second)
                    Integer.getInteger("bench.dueRate", 20),
                    Integer.getInteger("bench.import.rows", full ? 100_000 : 10_000));
        }
    }

    /** What one part (child JVM) printed and how the machine was meanwhile. */
    record Part(String name, List<String> command, Map<String, Double> figures, double seconds, String loadBefore,
                String loadAfter, int exitCode) {

        Double get(String key) {
            return figures.get(key);
        }
    }

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        Path root = repositoryRoot();
        Sizes sizes = Sizes.fromProperties();
        Set<String> parts = Stream.of(System.getProperty("bench.parts", String.join(",", PARTS)).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("bench.parts: some of " + PARTS + ", got " + parts);
        }
        Path output = root.resolve(System.getProperty("bench.output", "docs/performance.md"));
        Instant started = Instant.now();
        String loadAtStart = loadAverage();
        System.out.printf("CareLoop benchmark suite, %s sizes %s, parts %s; load average %s%n", sizes.name(), sizes, parts,
                loadAtStart);
        String intake = IntakeSuiteBench.class.getName();
        Map<String, Part> done = new LinkedHashMap<>();
        for (String p : parts) {
            String n = "-Dbench.n=" + sizes.intakeN();
            String w = "-Dbench.warmup=" + sizes.intakeWarmup();
            String c = "-Dbench.clients=" + sizes.clients();
            List<String> jvm = switch (p) {
                case "intake-h2" -> List.of("-Xmx1g", "-Dbench.db=h2", "-Dbench.nodes=1", n, w, c, intake);
                case "intake-pg" -> List.of("-Xmx1g", "-Dbench.db=pg", "-Dbench.nodes=1", n, w, c, intake);
                case "intake-pg-2" -> List.of("-Xmx1g", "-Dbench.db=pg", "-Dbench.nodes=2", "-Dbench.baselines=false", n, w, c,
                        intake);
                case "heap" -> List.of("-Xmx512m", "-Dbench.db=h2", "-Dbench.nodes=1", "-Dbench.baselines=false", n, w, c, intake);
                case "queue" -> List.of("-Xmx1g", "-Dbench.tickets=" + sizes.queueTickets(),
                        "-Dbench.queueRounds=" + sizes.queueRounds(), QueueBench.class.getName());
                case "timers" -> List.of("-Xmx512m", "-Dbench.timers=" + sizes.timers(), "-Dbench.dueTimers=" + sizes.dueTimers(),
                        TimerBench.class.getName());
                case "timers-steady" -> List.of("-Xmx512m", "-Dbench.timers=" + sizes.timers(), "-Dbench.dueTimers=" + sizes.dueTimers(),
                        "-Dbench.dueSpread=PT" + Math.max(1, sizes.dueTimers() / Math.max(1, sizes.dueRate())) + "S",
                        "-Dbench.explain=false", TimerBench.class.getName());
                default -> List.of("-Xmx1g", "-Dbench.rows=" + sizes.importRows(), "-Dbench.plugins=web/target/plugins",
                        ImportBench.class.getName());
            };
            done.put(p, run(root, p, jvm));
        }
        String md = SuiteReport.markdown(sizes, done, started, loadAtStart, loadAverage(), machine(), gitCommit(root));
        Files.createDirectories(output.getParent());
        // the notes a person wrote under the table (why a figure moved) survive the next run
        if (Files.isRegularFile(output)) {
            String old = Files.readString(output, StandardCharsets.UTF_8);
            int notes = old.indexOf(NOTES);
            if (notes >= 0) {
                md = md + "\n" + old.substring(notes);
            }
        }
        Files.writeString(output, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("written to " + output);
    }

    private static Part run(Path root, String name, List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseParallelGC".equals(System.getProperty("bench.gc")) ? "-XX:+UseParallelGC" : "-XX:+UseG1GC");
        cmd.addAll(jvmArgs.subList(0, jvmArgs.size() - 1));
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(jvmArgs.get(jvmArgs.size() - 1));
        String loadBefore = loadAverage();
        System.out.printf("%n== %s: %s (load average %s)%n", name, String.join(" ", jvmArgs), loadBefore);
        long t0 = System.nanoTime();
        Process proc = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
        Map<String, Double> figures = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println("[" + name + "] " + line);
                // anywhere in the line: a log line of another thread can run into a figure without its newline
                int at = line.indexOf(SuiteOutput.PREFIX);
                if (at >= 0 && line.indexOf('=', at) > 0) {
                    String kv = line.substring(at + SuiteOutput.PREFIX.length());
                    try {
                        figures.put(kv.substring(0, kv.indexOf('=')), Double.parseDouble(kv.substring(kv.indexOf('=') + 1)));
                    } catch (NumberFormatException e) {
                        // a text figure: shown in the log only
                    }
                }
            }
        }
        int exit = proc.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("== %s: exit %d after %.0f s, %d figures%n", name, exit, seconds, figures.size());
        return new Part(name, jvmArgs, figures, seconds, loadBefore, loadAverage(), exit);
    }

    /** The bench's classpath: exec:java runs it in a class loader of its own, whose URLs are the project's. */
    private static String classpath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    entries.add(Path.of(url.toURI()).toString());
                }
                break;
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isRegularFile(q.resolve("bench").resolve("pom.xml"))) {
                return q;
            }
        }
        return p;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static String machine() {
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                    .orElse("?");
        } catch (Exception e) {
            // not Linux
        }
        long memMb = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            memMb = os.getTotalMemorySize() >> 20;
        }
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %,d MB memory, %s %s, Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memMb, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    private static String gitCommit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(root.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
