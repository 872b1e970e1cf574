package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.plugin.ImportRun;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Import benchmark (not a test): a generated call-centre export of {@code bench.rows} rows
 * (default 100,000) imported end to end through the bundled phone-log plugin into CareLoop on an
 * H2 file database (tickets, call-back tasks, interactions on open tickets), then the same file
 * again (every row a duplicate). Prints rows/s of both runs and the heap used while they ran
 * (sampled after a GC every 2 s), to show that memory stays flat: the file is streamed.
 * <pre>
 * mvn -B -q -Pbench -DskipTests -pl bench -am package
 * java -Xmx1g -cp "$(cat bench/target/classpath.txt):bench/target/classes" io.careloop.bench.ImportBench
 * </pre>
 * Knobs: {@code bench.rows} (100000), {@code bench.plugins} (web/target/plugins).
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        Path plugins = Path.of(System.getProperty("bench.plugins", "web/target/plugins")).toAbsolutePath();
        Path tmp = Files.createTempDirectory("careloop-import-bench-");
        Path file = tmp.resolve("calls.csv");
        generate(file, rows);
        Settings settings = new Settings(0, tmp.resolve("data"), "jdbc:h2:file:" + tmp.resolve("data/careloop")
                + SettingsLoader.H2_OPTIONS, "sa", "", 8, plugins, false, null, false,
                Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
        try (CareLoop careLoop = CareLoop.start(settings, Clock.systemUTC())) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format("rows: %,d  file: %,d bytes  heap max: %d MB  cores: %d", rows, Files.size(file),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
            lines.add(run(careLoop, file, rows, "first import", "first"));
            lines.add(run(careLoop, file, rows, "re-import (same file)", "again"));
            lines.forEach(System.out::println);
            Path results = Path.of("bench", "target", "import-bench-results.md");
            Files.createDirectories(results.getParent());
            Files.write(results, lines, StandardCharsets.UTF_8);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String run(CareLoop careLoop, Path file, int rows, String name, String key) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> heap = new ArrayList<>();
        long start = System.nanoTime();
        ImportRun run;
        try (InputStream in = Files.newInputStream(file)) {
            run = careLoop.imports().start("phone-log", "calls.csv", "callcenter", in, "bench");
        }
        while (!careLoop.imports().await(run.id(), 2, TimeUnit.SECONDS)) {
            System.gc();
            heap.add(memory.getHeapMemoryUsage().getUsed() >> 20);
            ImportRun now = careLoop.imports().find(run.id());
            System.out.printf("  %s: %,d of %,d rows, heap %d MB%n", name, now.read(), rows, heap.get(heap.size() - 1));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ImportRun done = careLoop.imports().find(run.id());
        SuiteOutput.figure("import." + key + ".rows_per_s", done.read() / seconds);
        SuiteOutput.figure("import." + key + ".read", done.read());
        return String.format("%s: %s in %.1f s = %,.0f rows/s; read %,d accepted %,d duplicate %,d rejected %,d; "
                        + "heap after GC during the run (MB): %s", name, done.status(), seconds, done.read() / seconds,
                done.read(), done.accepted(), done.duplicate(), done.rejected(), summary(heap));
    }

    private static String summary(List<Long> heap) {
        if (heap.isEmpty()) {
            return "-";
        }
        int n = heap.size();
        return String.format("min %d, first %d, median %d, last %d, max %d", heap.stream().mapToLong(Long::longValue).min()
                .orElse(0), heap.get(0), heap.stream().sorted().toList().get(n / 2), heap.get(n - 1),
                heap.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /**
     * A call-centre export: 70 % answered calls with notes from new callers (tickets), 20 % missed
     * calls (call-back tasks), 10 % follow-up calls of earlier callers (interactions on their open
     * ticket).
     */
    static void generate(Path file, int rows) throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime t = LocalDateTime.of(2026, 11, 1, 8, 0);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("通话ID,开始时间,主叫号码,被叫号码,方向,时长(秒),结果,坐席,客户姓名,备注\r\n");
            for (int i = 0; i < rows; i++) {
                t = t.plusSeconds(7);
                int kind = i % 10;
                String caller = kind == 9 && i > 10 ? phone(i - 9) : phone(i);
                if (kind == 7 || kind == 8) {
                    w.write("B-" + i + "," + f.format(t) + "," + caller + ",4008001234,呼入,0,未接通,,,\r\n");
                } else {
                    w.write("B-" + i + "," + f.format(t) + "," + caller + ",4008001234,呼入,120,已接通,坐席" + (i % 40)
                            + ",客户" + i + ",\"咨询药品 " + (i % 500) + " 的用法用量, 第" + i + "号来电\"\r\n");
                }
            }
        }
    }

    private static String phone(int i) {
        return "13" + String.format("%09d", i);
    }
}
