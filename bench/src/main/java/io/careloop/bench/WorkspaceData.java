package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.user.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace bench's H2 file database of {@code tickets} tickets (a fifth open) and 10,000
 * customers in the four tiers, with an agent of two queues and a supervisor. Filling a million rows
 * takes minutes on a busy 2-core machine, so the filled database is kept under
 * {@code bench/target/workspace-db/} and reused by the next run (a marker file says it is complete;
 * {@code -Dbench.refill=true} fills it again). CareLoop's own migrations run on it at every start, so
 * a kept database follows the schema.
 */
final class WorkspaceData {

    static final String PASSWORD = "bench-password-2026";
    static final String AGENT = "agent1";
    static final String LEAD = "lead";
    static final int CUSTOMERS = 10_000;
    private static final int CHUNK = 100_000;

    private WorkspaceData() {
    }

    /** The directory of the kept database for {@code tickets} tickets. */
    static Path directory(Path root, int tickets) {
        return root.resolve("bench/target/workspace-db/t" + tickets);
    }

    static Settings settings(Path dir) {
        // OPTIMIZE_REUSE_RESULTS=FALSE: H2 answers a query again from its last result while no table it reads
        // has changed, so the same page asked 40 times of a database nobody writes to measured a cache (the
        // queue counts: 2 ms instead of a second); on a working desk every ticket change spoils that cache
        String url = "jdbc:h2:file:" + dir.resolve("careloop").toAbsolutePath() + SettingsLoader.H2_OPTIONS
                + ";OPTIMIZE_REUSE_RESULTS=FALSE";
        return new Settings(0, dir, url, "sa", "", 16, dir.resolve("plugins"), false, null,
                false, Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
    }

    /** Starts CareLoop on the kept database for {@code tickets}, filling it first when it is not complete. */
    static CareLoop open(Path root, int tickets, boolean refill) throws Exception {
        Path dir = directory(root, tickets);
        Path marker = dir.resolve("filled");
        if (refill || !Files.exists(marker)) {
            deleteTree(dir);
            Files.createDirectories(dir);
        }
        long opening = System.nanoTime();
        CareLoop careLoop = CareLoop.start(settings(dir), Clock.systemUTC());
        // on a kept database this includes Flyway's new migrations and their back-fills
        System.out.printf("started CareLoop on it in %.1f s%n", (System.nanoTime() - opening) / 1e9);
        if (!Files.exists(marker)) {
            long t0 = System.nanoTime();
            fill(careLoop, tickets);
            careLoop.users().createTeam("desk", "desk", List.of("service-desk", "key-accounts"), "bench");
            careLoop.users().create(AGENT, AGENT, PASSWORD, EnumSet.of(Role.AGENT), List.of("desk"), "bench");
            careLoop.users().create(LEAD, LEAD, PASSWORD, EnumSet.of(Role.SUPERVISOR), List.of(), "bench");
            Files.writeString(marker, tickets + "\n");
            System.out.printf("filled %,d tickets in %.1f s (kept in %s)%n", tickets, (System.nanoTime() - t0) / 1e9, dir);
        } else {
            System.out.printf("reusing the filled database of %,d tickets in %s%n", count(careLoop), dir);
        }
        return careLoop;
    }

    /**
     * Customers, then tickets straight into the table (no processes; what the queue API reads is all
     * there), in chunks of 100,000 rows, each its own transaction. As in a real desk, the open tickets
     * are the newest fifth (X above 4/5 of the count; new, open, waiting, escalated or reopened) and
     * every older ticket is closed, so a due-ordered walk that skips closed tickets meets all of them
     * first. An open ticket is unassigned when X % 3 = 0, else one of 40 agents'; five queues by X / 7;
     * customer X % 10,000 + 1 (tiers VIP, A, B, C by customer id % 4); 2% breached, 2% at risk.
     */
    private static void fill(CareLoop careLoop, int tickets) throws SQLException {
        String customers = """
                INSERT INTO customer (id, type, tier, name, created_at, updated_at)
                SELECT X, CASE MOD(X, 2) WHEN 0 THEN 'doctor' ELSE 'patient' END,
                    CASE MOD(X, 4) WHEN 0 THEN 'VIP' WHEN 1 THEN 'A' WHEN 2 THEN 'B' ELSE 'C' END,
                    'customer ' || X, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'
                FROM SYSTEM_RANGE(1, %d)""".formatted(CUSTOMERS);
        int closed = tickets - tickets / 5;
        String ticketRows = BenchTickets.insert("""
                CASE WHEN X > %1$d THEN (CASE MOD(X, 5) WHEN 0 THEN 'new' WHEN 1 THEN 'open' WHEN 2 THEN 'waiting'
                    WHEN 3 THEN 'escalated' ELSE 'reopened' END) ELSE 'closed' END""".formatted(closed),
                "CASE WHEN X > %d AND MOD(X, 3) = 0 THEN NULL ELSE 'agent' || MOD(X, 40) END".formatted(closed),
                "MOD(X, %d) + 1".formatted(CUSTOMERS),
                "CASE MOD(X, 4) WHEN 0 THEN 'Amoxil 500' WHEN 1 THEN 'Lipitor 20' WHEN 2 THEN 'Glucophage 850' ELSE NULL END");
        try (Connection c = careLoop.database().dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(customers);
                s.execute("ALTER TABLE customer ALTER COLUMN id RESTART WITH " + (CUSTOMERS + 1));
            }
            // H2 builds an index over rows already there far faster than it keeps ten indexes while a
            // million rows go in one by one: the ticket table's plain indexes go, then come back
            List<String> indexes = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                for (String ddl : plainIndexes(c)) {
                    try {
                        s.execute("DROP INDEX " + ddl.substring("CREATE INDEX ".length(), ddl.indexOf(" ON ")));
                        indexes.add(ddl);
                    } catch (SQLException e) {
                        // an index a constraint needs stays
                    }
                }
            }
            try (var ps = c.prepareStatement(ticketRows)) {
                for (int from = 1; from <= tickets; from += CHUNK) {
                    ps.setInt(1, from);
                    ps.setInt(2, Math.min(tickets, from + CHUNK - 1));
                    ps.executeUpdate();
                    System.out.printf("  %,d tickets%n", Math.min(tickets, from + CHUNK - 1));
                }
            }
            try (Statement s = c.createStatement()) {
                for (String ddl : indexes) {
                    s.execute(ddl);
                }
                s.execute("ANALYZE");
            }
        }
        // the rows went in past CareLoop's mappers: count the open tickets for the queue counts (V21)
        careLoop.queueCounts().rebuild();
    }

    /** {@code CREATE INDEX} statements of the ticket table's non-unique indexes, read from H2's catalogue. */
    private static List<String> plainIndexes(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT i.INDEX_NAME, c.COLUMN_NAME, c.ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEXES i
                JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME
                WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.TABLE_NAME = 'TICKET' AND i.INDEX_TYPE_NAME = 'INDEX'
                ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION""")) {
            while (r.next()) {
                columns.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2) + " " + r.getString(3));
            }
        }
        List<String> ddl = new ArrayList<>();
        columns.forEach((name, cols) -> ddl.add("CREATE INDEX " + name + " ON ticket (" + String.join(", ", cols) + ")"));
        return ddl;
    }

    private static long count(CareLoop careLoop) throws SQLException {
        try (Connection c = careLoop.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ticket")) {
            r.next();
            return r.getLong(1);
        }
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
