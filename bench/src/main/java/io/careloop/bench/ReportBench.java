package io.careloop.bench;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.report.Kpis;
import io.careloop.engine.report.ReportFilter;
import io.careloop.engine.report.ReportService;
import io.careloop.engine.report.rollup.RollupStatus;
import io.careloop.engine.ticket.TicketScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The dashboard's KPI call of one quarter over a year of tickets ({@code bench.tickets}, default 1,000,000,
 * loaded in receipt order with plain JDBC batches, with survey facts) on H2 in file mode or PostgreSQL
 * ({@code bench.db} = h2 | pg): p50 / p95 / max of {@code ReportService.kpis} (read from the V19 roll-up)
 * for the whole quarter and for one queue, against baselines in the same run: the bare SQL
 * {@code COUNT(*)} of the quarter's cohort and the old per-ticket computation
 * ({@code kpisFromTickets}, {@code bench.baselineRuns} calls). Not a test: run it by hand (bench/README.md).
 */
public final class ReportBench {

    private static final String[] CATEGORIES = {"medication-error", "adverse-event", "product-quality", "medical-inquiry",
            "service-process", "customer-relationship"};
    private static final String[] QUEUES = {"service-desk", "pharmacovigilance", "quality", "medical-affairs", "logistics"};
    private static final Instant YEAR = Instant.parse("2025-12-31T16:00:00Z");
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = Integer.getInteger("bench.tickets", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 20);
        int baselineRuns = Integer.getInteger("bench.baselineRuns", 3);
        String kind = System.getProperty("bench.db", "h2");
        Path tmp = Files.createTempDirectory("careloop-report-bench-");
        try (Databases dbs = new Databases(kind, tmp)) {
            Databases.Db db = dbs.create("reportbench");
            Settings settings = new Settings(0, tmp.resolve("data"), db.url(), db.user(), db.password(), 8,
                    tmp.resolve("plugins"), false, null, false,
                    Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofHours(12), 4);
            run(settings, kind, tickets, runs, baselineRuns);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Settings settings, String kind, int tickets, int runs, int baselineRuns) throws Exception {
        try (CareLoop careLoop = CareLoop.start(settings, Clock.fixed(NOW, ZoneOffset.UTC))) {
            List<String> lines = new ArrayList<>();
            long t0 = System.nanoTime();
            int cohort = load(careLoop, tickets);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            ReportFilter q2 = new ReportFilter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), null, null, null, null,
                    null, null);
            long t1 = System.nanoTime();
            String build;
            if ("sync".equals(System.getProperty("bench.rollup", "background"))) {
                careLoop.reports().rollup().rebuild(careLoop.reports().zone());
                build = "built synchronously (KpiRollup.rebuild)";
            } else {
                build = buildInBackground(careLoop, q2);
            }
            double buildSeconds = (System.nanoTime() - t1) / 1e9;
            lines.add(String.format("%s: tickets %,d over 2026, Q2 cohort %,d; loaded in %.1f s; roll-up %s in %.1f s; "
                    + "heap max %d MB; cores %d", kind, tickets, cohort, loadSeconds, build, buildSeconds,
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
            ReportFilter q2Queue = new ReportFilter(q2.from(), q2.to(), null, "quality", null, null, null, null);
            lines.add("| call | runs | p50 ms | p95 ms | max ms |");
            lines.add("|---|---|---|---|---|");
            System.out.printf("loaded %,d tickets in %.1f s%n", tickets, (System.nanoTime() - t0) / 1e9);
            lines.add(measure("baseline: SQL COUNT(*) of the Q2 cohort", runs, () -> count(careLoop)));
            lines.add(measure("baseline: kpisFromTickets(Q2), per-ticket (before V19)", baselineRuns,
                    () -> careLoop.reports().kpisFromTickets(q2, TicketScope.ALL).volume().in().count()));
            lines.add(measure("kpis(Q2), every KPI, roll-up", runs, () -> kpis(careLoop, q2)));
            lines.add(measure("kpis(Q2, queue=quality), roll-up", runs, () -> kpis(careLoop, q2Queue)));
            if (kpis(careLoop, q2) != careLoop.reports().kpisFromTickets(q2, TicketScope.ALL).volume().in().count()
                    || !careLoop.reports().kpis(q2, TicketScope.ALL).equals(careLoop.reports().kpisFromTickets(q2, TicketScope.ALL))) {
                lines.add("WARNING: the roll-up's KPIs differ from the per-ticket computation");
            } else {
                lines.add("check: kpis(Q2) from the roll-up equals kpisFromTickets(Q2) in every field");
            }
            lines.forEach(System.out::println);
            Path results = Path.of("bench", "target", "report-bench-results-" + kind + ".md");
            Files.createDirectories(results.getParent());
            Files.write(results, lines, StandardCharsets.UTF_8);
        }
    }

    /**
     * What the first start after V19 (or a bulk load) does: begins the build, which goes on in the background
     * while KPI calls are answered (from the ticket rows for days not built yet). Times the first answer, the
     * moment Q2 is read from the roll-up, and the whole build.
     */
    private static String buildInBackground(CareLoop careLoop, ReportFilter q2) throws InterruptedException {
        long t0 = System.nanoTime();
        careLoop.reports().rollup().beginRebuild();
        ReportService.Answer first = careLoop.reports().answer(q2, TicketScope.ALL);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        double q2Ready = -1;
        RollupStatus s = first.rollup();
        long lastPrint = 0;
        while (!s.ready()) {
            Thread.sleep(250);
            s = careLoop.reports().rollup().status();
            double at = (System.nanoTime() - t0) / 1e9;
            if (q2Ready < 0 && s.covers(q2.from())) {
                q2Ready = at;
            }
            if (at - lastPrint >= 15) {
                lastPrint = (long) at;
                System.out.printf("roll-up build %.0f s: %d of %d days (%.1f %%)%n", at, s.daysDone(), s.daysTotal(), s.percent());
            }
        }
        String answered = careLoop.reports().answer(q2, TicketScope.ALL).answeredFrom();
        return String.format("built in the background (%d days; first kpis(Q2) during the build answered from the %s in %,d ms; "
                + "Q2 read from the roll-up after %.1f s; afterwards from the %s)", s.daysTotal(), first.answeredFrom(), firstMs,
                q2Ready, answered);
    }

    private static long kpis(CareLoop careLoop, ReportFilter f) {
        Kpis k = careLoop.reports().kpis(f, TicketScope.ALL);
        return k.volume().in().count();
    }

    private static long count(CareLoop careLoop) {
        try (Connection c = careLoop.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket WHERE received_at >= ? AND received_at < ?")) {
            ps.setObject(1, Instant.parse("2026-03-31T16:00:00Z").atOffset(ZoneOffset.UTC));
            ps.setObject(2, Instant.parse("2026-06-30T16:00:00Z").atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two warm-up calls, then {@code runs} timed ones. */
    private static String measure(String name, int runs, LongSupplier call) {
        call.getAsLong();
        call.getAsLong();
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.getAsLong();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        String row = String.format("| %s | %d | %d | %d | %d |", name, runs, ms[runs / 2],
                ms[(int) Math.ceil(0.95 * runs) - 1], ms[runs - 1]);
        System.out.println(row);
        return row;
    }

    /**
     * A year of tickets in batches, in order of receipt (as a live system writes them): 95 % answered within
     * 0-8 h, resolved within 1 h - 5 days (except 2 % left open), 5 % escalated, 3 % reopened; then an invitation
     * and a complete survey answer for every fifth resolved ticket.
     */
    private static int load(CareLoop careLoop, int n) throws Exception {
        Random r = new Random(42);
        int cohort = 0;
        Instant q2Start = Instant.parse("2026-03-31T16:00:00Z");
        Instant q2End = Instant.parse("2026-06-30T16:00:00Z");
        long yearSeconds = Duration.ofDays(365).toSeconds();
        try (Connection c = careLoop.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (number, subject, description, channel, category, "
                     + "status, queue, product, lot, source, received_at, created_at, first_response_due, resolution_due, "
                     + "first_responded_at, resolved_at, reopen_count, escalation_level, updated_at, sla_mode) "
                     + "VALUES (?, 'bench', '', 'email', ?, ?, ?, ?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'business')")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                Instant received = YEAR.plusSeconds(i * yearSeconds / n + r.nextInt(30));
                if (!received.isBefore(q2Start) && received.isBefore(q2End)) {
                    cohort++;
                }
                Instant responded = r.nextInt(20) == 0 ? null : received.plusSeconds(r.nextInt(8 * 3600));
                Instant resolved = r.nextInt(50) == 0 ? null : received.plusSeconds(3600 + r.nextInt(5 * 86400));
                int k = 1;
                ps.setString(k++, "BN-" + i);
                ps.setString(k++, CATEGORIES[r.nextInt(CATEGORIES.length)]);
                ps.setString(k++, resolved == null ? "open" : "resolved");
                ps.setString(k++, QUEUES[r.nextInt(QUEUES.length)]);
                ps.setString(k++, "Product " + r.nextInt(20));
                ps.setString(k++, "L" + r.nextInt(200));
                ps.setObject(k++, received.atOffset(ZoneOffset.UTC));
                ps.setObject(k++, received.atOffset(ZoneOffset.UTC));
                ps.setObject(k++, received.plusSeconds(4 * 3600).atOffset(ZoneOffset.UTC));
                ps.setObject(k++, received.plusSeconds(3 * 86400).atOffset(ZoneOffset.UTC));
                ps.setObject(k++, responded == null ? null : responded.atOffset(ZoneOffset.UTC));
                ps.setObject(k++, resolved == null ? null : resolved.atOffset(ZoneOffset.UTC));
                ps.setInt(k++, r.nextInt(33) == 0 ? 1 : 0);
                ps.setInt(k++, r.nextInt(20) == 0 ? 1 : 0);
                ps.setObject(k, received.atOffset(ZoneOffset.UTC));
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO survey_fact (ticket_id, kind, csat, nps, occurred_at) SELECT id, 'invited', NULL, "
                        + "NULL, resolved_at FROM ticket WHERE MOD(id, 5) = 0 AND resolved_at IS NOT NULL");
                st.executeUpdate("INSERT INTO survey_fact (ticket_id, kind, csat, nps, occurred_at) SELECT id, 'response', "
                        + "MOD(id, 7) / 2 + 2, MOD(id, 11), resolved_at FROM ticket WHERE MOD(id, 5) = 0 AND resolved_at IS NOT NULL");
            }
            c.commit();
        }
        return cohort;
    }
}
