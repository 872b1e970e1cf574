package io.careloop.engine.report.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.report.Kpis;
import io.careloop.engine.report.ReportFilter;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketScope;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The KPI roll-up (V19) through a ticket's life in the application: after every step the KPIs read
 * from the roll-up equal the KPIs computed from the ticket rows ({@code kpisFromTickets}, the code
 * ReportServiceIT checks against hand counts), for the whole period and for a queue, a team-less
 * category and a scope by queue; the stored business-time durations are the ones the report shows.
 */
class KpiRollupIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void theRollupEqualsTheTicketRowsThroughReplyWaitResolveReopenReclassifyAndTime(Kind db) {
        CareLoop c = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        LocalDate today = LocalDate.ofInstant(clock.instant(), c.reports().zone());
        Ticket a = open(c, Category.SERVICE_PROCESS, Severity.LOW);
        Ticket b = open(c, Category.PRODUCT_QUALITY, Severity.MEDIUM);
        Ticket d = open(c, Category.MEDICAL_INQUIRY, Severity.HIGH);
        same(c, today);
        assertThat(c.reports().kpis(month(today, null, null), TicketScope.ALL).volume().in().count()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(30));
        c.tickets().reply(a.number(), "我们正在处理。", "agent-a", null);
        same(c, today);
        // stored when the roll-up took the change: 30 minutes of working time (Monday 09:00 Beijing)
        assertThat(Rows.count(c, "SELECT first_response_business_s FROM ticket WHERE id = ?", a.id())).isEqualTo(1800L);

        c.tickets().waitOnCustomer(b.number(), "asked for the lot number", "agent-a", null);
        clock.advance(Duration.ofHours(2));
        c.tickets().resume(b.number(), "agent-a", null);
        clock.advance(Duration.ofMinutes(15));
        c.tickets().resolve(b.number(), "replaced", "agent-a", null);
        same(c, today);
        Kpis k = c.reports().kpis(month(today, null, null), TicketScope.ALL);
        assertThat(k.resolutionTime().count()).isEqualTo(1);
        // 2 h 45 min since receipt, of which 2 h waiting on the customer
        assertThat(k.resolutionTime().medianSeconds()).isEqualTo(45 * 60L);
        assertThat(k.volume().out().count()).isEqualTo(1);

        c.tickets().reopen(b.number(), "the customer called again", "supervisor", null);
        same(c, today);
        assertThat(c.reports().kpis(month(today, null, null), TicketScope.ALL).volume().out().count()).isZero();
        assertThat(Rows.count(c, "SELECT COUNT(*) FROM ticket WHERE id = ? AND resolution_business_s IS NULL "
                + "AND kpi_out_day IS NULL", b.id())).isEqualTo(1);

        c.tickets().reclassify(d.number(), Category.ADVERSE_EVENT, Severity.HIGH, "rash after the first dose", "supervisor", null);
        same(c, today);
        assertThat(c.reports().kpis(month(today, null, Category.ADVERSE_EVENT), TicketScope.ALL).volume().in().count())
                .isEqualTo(1);

        // nothing changes but the time: clocks past their due dates now count as missed, in both
        clock.advance(Duration.ofDays(20));
        same(c, today);
        assertThat(Rows.count(c, "SELECT COUNT(*) FROM kpi_dirty")).isZero();
        assertThat(Rows.count(c, "SELECT SUM(received) FROM kpi_day")).isEqualTo(3);
    }

    /** The roll-up's answer equals the ticket rows' answer, for several filters and a scope. */
    private static void same(CareLoop c, LocalDate today) {
        String queue = Rows.string(c, "SELECT MIN(queue) FROM ticket");
        List<ReportFilter> filters = List.of(month(today, null, null), month(today, queue, null),
                month(today, null, Category.PRODUCT_QUALITY), month(today, null, Category.ADVERSE_EVENT));
        for (ReportFilter f : filters) {
            assertThat(c.reports().kpis(f, TicketScope.ALL)).isEqualTo(c.reports().kpisFromTickets(f, TicketScope.ALL));
        }
        TicketScope byQueue = new TicketScope(false, List.of(queue), null, java.util.Set.of());
        assertThat(c.reports().kpis(filters.get(0), byQueue)).isEqualTo(c.reports().kpisFromTickets(filters.get(0), byQueue));
    }

    private static ReportFilter month(LocalDate today, String queue, Category category) {
        return new ReportFilter(today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1).minusDays(1), null, queue,
                null, category, null, null);
    }

    private static Ticket open(CareLoop c, Category category, Severity severity) {
        return c.intake().intake(Drafts.ticket(Drafts.unique("ticket"), category, severity), "api",
                Drafts.unique("k"), "rollup-test").ticket();
    }
}
