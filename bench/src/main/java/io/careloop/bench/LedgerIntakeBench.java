package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

/**
 * Intake with a large import ledger: {@code bench.ledgerRows} (100,000) ledger rows of source
 * {@code api} are written first, then {@code bench.n} (300) intakes are timed on one thread, after
 * 200 not counted. Prints thread CPU and wall time per ticket. The intake looks its idempotency key up
 * in the ledger; the figure shows whether that lookup grows with the ledger (it did: see
 * docs/performance.md). H2 file mode, CareLoop's default URL settings, in a temporary directory.
 */
public final class LedgerIntakeBench {

    private LedgerIntakeBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.ledgerRows", 100_000);
        int n = Integer.getInteger("bench.n", 300);
        Path dir = Files.createTempDirectory("careloop-ledger-bench");
        String url = "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath() + SettingsLoader.H2_OPTIONS;
        Settings settings = new Settings(0, dir, url, "sa", "", 16, dir.resolve("plugins"), false, null, false,
                Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
        try (CareLoop careLoop = CareLoop.start(settings, Clock.systemUTC())) {
            try (Connection c = careLoop.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO import_ledger (source, source_key, outcome, ticket_number, created_at) "
                        + "SELECT 'api', 'old-' || X, 'accepted', 'CL-OLD-' || X, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, "
                        + rows + ")");
            }
            intakes(careLoop, "warm-", 200);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            intakes(careLoop, "key-", n);
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
            double wallMs = (System.nanoTime() - t0) / 1e6 / n;
            System.out.printf("ledger rows %,d: %d intakes, thread CPU %.2f ms/ticket, wall %.2f ms/ticket%n",
                    rows, n, cpuMs, wallMs);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void intakes(CareLoop careLoop, String keyPrefix, int count) {
        for (int i = 0; i < count; i++) {
            careLoop.intake().intake(new TicketDraft(keyPrefix + i, "A customer asks about an order.", Channel.WEB,
                    Category.SERVICE_PROCESS, Severity.LOW, null, null, null, null, null), "api", keyPrefix + i, "bench");
        }
    }
}
