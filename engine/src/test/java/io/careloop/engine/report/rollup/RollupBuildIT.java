package io.careloop.engine.report.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.report.ReportDataset;
import io.careloop.engine.report.ReportFilter;
import io.careloop.engine.report.ReportService;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.TicketScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

/**
 * The roll-up's build in the background (docs/reports.md, "Building the roll-up"), with two engines on
 * one database (H2 in memory and PostgreSQL): while it is incomplete a KPI answer comes from the ticket
 * rows (or from the roll-up for a period whose days are built) and equals {@code kpisFromTickets};
 * one node builds at a time; a node that dies mid-build is taken over after its lease, a node that stops
 * gives the build back, and every day is built exactly once.
 */
class RollupBuildIT {

    private static final Instant NOW = Instant.parse("2026-05-10T00:00:00Z");

    @OnEveryDatabase
    void aNodeThatDiesMidBuildIsTakenOverWhereItStoppedAndTheAnswerIsAlwaysRight(Kind db) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        Settings settings = TestCareLoop.settings(db, "rollup-takeover");
        try (CareLoop a = CareLoop.start(settings, clock)) {
            ReportDataset.load(a);
            ZoneId z = a.reports().zone();
            RollupStatus begun = a.reports().rollup().beginRebuild();
            int total = begun.daysTotal();
            assertThat(begun.state()).isEqualTo(RollupStatus.BUILDING);
            assertThat(total).isGreaterThan(30);
            assertThat(a.reports().rollup().buildDays(z, 3)).isEqualTo(3);
            // node a now "dies": it holds the lease for a minute and builds nothing more

            try (CareLoop b = CareLoop.start(node(settings, "b"), clock)) {
                ReportService reports = b.reports();
                awaitIdle(b);
                ReportService.Answer april = reports.answer(april(), TicketScope.ALL);
                awaitIdle(b);
                assertThat(april.answeredFrom()).isEqualTo("tickets");
                assertThat(april.kpis()).isEqualTo(reports.kpisFromTickets(april(), TicketScope.ALL));
                assertThat(april.rollup().state()).isEqualTo(RollupStatus.BUILDING);
                assertThat(april.rollup().daysDone()).isEqualTo(3);
                assertThat(april.rollup().daysTotal()).isEqualTo(total);
                assertThat(april.rollup().percent()).isEqualTo(Math.floor(3 * 1000.0 / total) / 10.0);

                // the newest three days are built: a period of those days is read from the roll-up already,
                // with the backlog of the days before counted from the ticket rows
                LocalDate builtFrom = april.rollup().builtFrom();
                ReportFilter recent = new ReportFilter(builtFrom, builtFrom.plusDays(2), null, null, null, null, null, null);
                ReportService.Answer partial = reports.answer(recent, TicketScope.ALL);
                awaitIdle(b);
                assertThat(partial.answeredFrom()).isEqualTo("rollup");
                assertThat(partial.kpis()).isEqualTo(reports.kpisFromTickets(recent, TicketScope.ALL));

                // a's lease is live: b builds nothing; once it has run out, b goes on at a's next day
                assertThat(reports.rollup().buildDays(z, Integer.MAX_VALUE)).isZero();
                clock.advance(RollupBuilder.LEASE.plusSeconds(1));
                assertThat(reports.rollup().buildDays(z, Integer.MAX_VALUE)).isEqualTo(total - 3);
                assertThat(reports.rollup().status().ready()).isTrue();

                ReportService.Answer done = reports.answer(april(), TicketScope.ALL);
                assertThat(done.answeredFrom()).isEqualTo("rollup");
                assertThat(done.rollup()).isEqualTo(new RollupStatus(RollupStatus.READY, z.getId(), total, total, 100.0, null));
                assertThat(done.kpis()).isEqualTo(reports.kpisFromTickets(april(), TicketScope.ALL));
                assertEveryTicketCountedOnce(b);
            }
        }
    }

    @OnEveryDatabase
    void twoNodesBuildingAtOnceBuildEachDayOnce(Kind db) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        Settings settings = TestCareLoop.settings(db, "rollup-two-nodes");
        try (CareLoop a = CareLoop.start(node(settings, "a"), clock)) {
            ReportDataset.load(a);
            // b starts after the dataset's calendar is in (a node caches calendars for a while)
            try (CareLoop b = CareLoop.start(node(settings, "b"), clock)) {
                bothBuild(a, b);
            }
        }
    }

    private static void bothBuild(CareLoop a, CareLoop b) throws Exception {
        ZoneId z = a.reports().zone();
        int total = a.reports().rollup().beginRebuild().daysTotal();
        CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(() -> a.reports().rollup().buildDays(z, Integer.MAX_VALUE));
        CompletableFuture<Integer> byB = CompletableFuture.supplyAsync(() -> b.reports().rollup().buildDays(z, Integer.MAX_VALUE));
        int daysA = byA.get();
        int daysB = byB.get();
        // the first to write a day holds the lease; the other finds it held and stops
        assertThat(daysA + daysB).isEqualTo(total);
        assertThat(Math.min(daysA, daysB)).isZero();
        assertThat(Rows.string(a, "SELECT lease_owner FROM kpi_state")).isNull();
        for (CareLoop node : new CareLoop[] {a, b}) {
            ReportService.Answer k = node.reports().answer(april(), TicketScope.ALL);
            assertThat(k.answeredFrom()).isEqualTo("rollup");
            assertThat(k.kpis()).isEqualTo(node.reports().kpisFromTickets(april(), TicketScope.ALL));
        }
        assertEveryTicketCountedOnce(a);
    }

    @OnEveryDatabase
    void aStoppedNodeGivesTheBuildBackAndGoesOnWhereItStoppedWhenStartedAgain(Kind db) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        Settings settings = TestCareLoop.settings(db, "rollup-restart");
        LocalDate next;
        int total;
        try (CareLoop a = CareLoop.start(settings, clock)) {
            ReportDataset.load(a);
            total = a.reports().rollup().beginRebuild().daysTotal();
            assertThat(a.reports().rollup().buildDays(a.reports().zone(), 5)).isEqualTo(5);
            next = LocalDate.parse(Rows.string(a, "SELECT CAST(build_next AS VARCHAR(10)) FROM kpi_state"));
        }
        // the node stopped between two days: nothing half-built, the lease given back, the next day kept
        try (CareLoop again = CareLoop.start(settings, clock)) {
            // the start goes on with the build in the background, at once (the clock has not moved)
            long until = System.currentTimeMillis() + 60_000;
            while (!again.reports().rollup().status().ready() && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            RollupStatus s = again.reports().rollup().status();
            assertThat(s.ready()).isTrue();
            assertThat(s.daysTotal()).isEqualTo(total);
            assertThat(next).isEqualTo(LocalDate.parse(Rows.string(again,
                    "SELECT CAST(build_last AS VARCHAR(10)) FROM kpi_state")).minusDays(5));
            assertThat(again.reports().answer(april(), TicketScope.ALL).kpis())
                    .isEqualTo(again.reports().kpisFromTickets(april(), TicketScope.ALL));
            assertEveryTicketCountedOnce(again);
        }
    }

    /** Every ticket is in the roll-up once, on its day of receipt; every resolved ticket on its day of resolution. */
    private static void assertEveryTicketCountedOnce(CareLoop c) {
        assertThat(Rows.count(c, "SELECT SUM(received) FROM kpi_day")).isEqualTo(Rows.count(c, "SELECT COUNT(*) FROM ticket"));
        assertThat(Rows.count(c, "SELECT SUM(out_count) FROM kpi_day"))
                .isEqualTo(Rows.count(c, "SELECT COUNT(*) FROM ticket WHERE resolved_at IS NOT NULL"));
    }

    /** Another engine on the same database, with a data directory of its own (as ClusterIT's nodes). */
    private static Settings node(Settings shared, String name) {
        return new Settings(0, shared.dataDir().resolve("node-" + name), shared.dbUrl(), shared.dbUser(), shared.dbPassword(),
                12, shared.pluginsDir(), false, null, false, shared.autoCloseAfter(), shared.sessionIdle(),
                shared.sessionAbsolute(), shared.bcryptCost());
    }

    private static void awaitIdle(CareLoop c) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (c.reports().rollup().buildingHere() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
    }

    private static ReportFilter april() {
        return new ReportFilter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null, null, null, null, null, null);
    }
}
