package io.careloop.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.TicketScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every KPI of April 2026 over {@link ReportDataset}, against numbers worked out by hand from the
 * dataset (the derivation beside each). Business hours: Mon–Fri 09:00–18:00 Beijing, Mon 6 Apr a
 * holiday, Sat 11 Apr a make-up working day. The report is taken on 10 May, so the backlog is
 * taken at the end of April (30 Apr 24:00 Beijing = 2026-04-30T16:00Z).
 */
class ReportServiceIT {

    private static final Instant NOW = Instant.parse("2026-05-10T00:00:00Z");
    private static final Set<Kind> LOADED = EnumSet.noneOf(Kind.class);

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    private static ReportService reports(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        synchronized (LOADED) {
            if (LOADED.add(db)) {
                ReportDataset.load(careLoop);
                careLoops.clock(db).set(NOW);
            }
        }
        return careLoop.reports();
    }

    private static ReportFilter april() {
        return new ReportFilter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null, null, null, null, null, null);
    }

    @OnEveryDatabase
    void everyKpiOfAprilMatchesTheHandCount(Kind db) {
        Kpis k = reports(db).kpis(april(), TicketScope.ALL);

        assertThat(k.period().zone()).isEqualTo("Asia/Shanghai");
        // received in April: RP-01..RP-08 (RP-09 and RP-10 in March, RP-11 in May)
        assertThat(k.volume().in().count()).isEqualTo(8);
        // resolved in April: RP-01, -02 (closed later, still resolved 13 Apr), -03, -04, -07, and RP-09 (1 Apr 10:00)
        assertThat(k.volume().out().count()).isEqualTo(6);
        // status resolved or closed: RP-01, -02, -03, -04, -07 = 5 of 8
        assertThat(k.resolutionRate()).isEqualTo(new Kpis.Rate("resolved", 5, 8, 62.5));
        // reopened: RP-04, of the 5 that were resolved at least once
        assertThat(k.reopenRate()).isEqualTo(new Kpis.Rate("reopened", 1, 5, 20.0));
        // escalated: RP-04 (L2) and RP-05 (L3) of 8
        assertThat(k.escalations()).isEqualTo(new Kpis.Escalations(new Kpis.Count("escalated", 2), 1, 1, 25.0));
    }

    @OnEveryDatabase
    void firstResponseAndResolutionTimesCountOnlyWorkingHoursOutsidePauses(Kind db) {
        Kpis k = reports(db).kpis(april(), TicketScope.ALL);

        // first response, seconds of working time:
        //   RP-01 Fri 19:00 -> Tue 10:00, weekend and Mon 6 (holiday) skipped: 1 h = 3600
        //   RP-02 Fri 17:00 -> Sat 10:00 on the make-up day: 1 h + 1 h = 7200
        //   RP-03 09:00 -> 09:30 = 1800; RP-04 09:00 -> 13:00 = 14400; RP-06 10:00 -> 10:30 = 1800; RP-07 15 min = 900
        //   sorted 900 1800 1800 3600 7200 14400: mean 29700/6 = 4950, median (1800+3600)/2 = 2700, p90 rank ceil(5.4)=6
        assertThat(k.firstResponseTime()).isEqualTo(new DurationStats(6, 4950L, 2700L, 14400L));
        // resolution:
        //   RP-01 Fri 19:00 -> Tue 15:00 = 6 h = 21600
        //   RP-02 Fri 17:00 -> Mon 09:30: Fri 1 h + Sat (make-up) 9 h + Mon 0.5 h = 37800
        //   RP-03 Wed 09:00 -> Thu 16:00 = 16 h, minus the wait Wed 10:00-18:00 (8 h) and Thu 09:00-14:00 (5 h) = 3 h = 10800
        //   RP-04 Thu 09:00 -> Fri 12:00 (final resolution after the reopen) = 9 h + 3 h = 43200
        //   RP-07 Thu 2 Apr 09:00 -> Wed 22 Apr 10:00 = 9+9 + (6 Apr holiday) 4x9 + 9 (11 Apr) + 5x9 + 2x9 + 1 = 127 h = 457200
        //   sorted 10800 21600 37800 43200 457200: mean 570600/5 = 114120, median 37800, p90 rank ceil(4.5)=5
        assertThat(k.resolutionTime()).isEqualTo(new DurationStats(5, 114120L, 37800L, 457200L));
    }

    @OnEveryDatabase
    void slaComplianceCountsMetAgainstMissedAndLeavesPausedAndPendingClocksOut(Kind db) {
        Kpis k = reports(db).kpis(april(), TicketScope.ALL);

        // first response met: RP-01, -03, -06, -07; missed: RP-02 (Sat 10:00 > Fri 18:00), RP-04 (13:00 > 11:00),
        // RP-05 (never answered, due 20 Apr); RP-08 is waiting on the customer: out. 4 of 7 = 57.14 %
        assertThat(k.slaCompliance().firstResponse()).isEqualTo(new Kpis.Rate("first-response-met", 4, 7, 57.14));
        // resolution met: RP-01, -02, -03, -04; missed: RP-05 (open past due), RP-07 (resolved 22 Apr, due 10 Apr);
        // RP-06 due 15 May (pending) and RP-08 (paused) out. 4 of 6 = 66.67 %
        assertThat(k.slaCompliance().resolution()).isEqualTo(new Kpis.Rate("resolution-met", 4, 6, 66.67));
    }

    @OnEveryDatabase
    void backlogIsWhatWasOpenAtTheEndOfThePeriodWithItsAge(Kind db) {
        Kpis.Backlog b = reports(db).kpis(april(), TicketScope.ALL).backlog();

        assertThat(b.asOf()).isEqualTo("2026-04-30T16:00:00Z");
        // open at 30 Apr 24:00: RP-05 (10 d 15 h = 918000 s), RP-06 (1 d 14 h = 136800), RP-08 (7 d 15 h = 658800),
        // RP-10 from March (36 d 14 h = 3160800); RP-11 came in May. Mean 4874400/4 = 1218600.
        assertThat(b.count()).isEqualTo(4);
        assertThat(b.averageAgeSeconds()).isEqualTo(1218600L);
        assertThat(b.oldestAgeSeconds()).isEqualTo(3160800L);
        assertThat(b.ages()).containsExactly(new Kpis.AgeBucket("under-1-day", 0), new Kpis.AgeBucket("1-3-days", 1),
                new Kpis.AgeBucket("3-7-days", 0), new Kpis.AgeBucket("over-7-days", 3));
    }

    @OnEveryDatabase
    void csatNpsAndResponseRateComeFromTheSurveysOfThePeriod(Kind db) {
        Kpis k = reports(db).kpis(april(), TicketScope.ALL);

        // complete responses in April: RP-01 5/10, RP-02 4/9, RP-03 2/3, RP-07 3/7, RP-09 5/8
        // (RP-04's partial answer and RP-11's May answer do not count). CSAT 19/5 = 3.8
        assertThat(k.csat().responses()).isEqualTo(5);
        assertThat(k.csat().average()).isEqualTo(3.8);
        assertThat(k.csat().distribution()).isEqualTo(Map.of(1, 0L, 2, 1L, 3, 1L, 4, 1L, 5, 2L));
        // NPS: promoters 10, 9 (2); passives 7, 8 (2); detractors 3 (1): (2 - 1) / 5 = +20
        assertThat(k.nps().promoters()).isEqualTo(2);
        assertThat(k.nps().passives()).isEqualTo(2);
        assertThat(k.nps().detractors()).isEqualTo(1);
        assertThat(k.nps().score()).isEqualTo(20.0);
        // invited in April: RP-01, -02, -03, -04, -07, -09; answered completely: all but RP-04. 5/6 = 83.33 %
        assertThat(k.surveyResponseRate()).isEqualTo(new Kpis.Rate("surveyed", 5, 6, 83.33));
    }

    @OnEveryDatabase
    void complaintsByProductAndLotAndAdverseEventsByClockStatus(Kind db) {
        Kpis k = reports(db).kpis(april(), TicketScope.ALL);

        assertThat(k.complaints()).containsExactlyInAnyOrder(new Kpis.Complaint("Amoxil 500", "L2401", 1L),
                new Kpis.Complaint("Amoxil 500", "L2402", 1L));
        // RP-06 clock running (due 14 May), RP-07 submitted 20 Apr after its 17 Apr due date, RP-08 awaiting review
        assertThat(k.adverseEvents()).containsExactly(new Kpis.ClockStatusCount("awaiting-review", 1L),
                new Kpis.ClockStatusCount("running", 1L), new Kpis.ClockStatusCount("submitted-late", 1L));
    }

    @OnEveryDatabase
    void filtersAndTheDataScopeNarrowEveryNumber(Kind db) {
        ReportService reports = reports(db);
        ReportFilter april = april();

        // queue service: RP-01, -04, -05; team front works queue service; tier A: RP-01, -04; agent bob: RP-04
        assertThat(reports.kpis(new ReportFilter(april.from(), april.to(), null, "service", null, null, null, null),
                TicketScope.ALL).volume().in().count()).isEqualTo(3);
        Kpis front = reports.kpis(new ReportFilter(april.from(), april.to(), "front", null, null, null, null, null),
                TicketScope.ALL);
        assertThat(front.volume().in().count()).isEqualTo(3);
        // RP-01 3600 and RP-04 14400: mean 9000
        assertThat(front.firstResponseTime()).isEqualTo(new DurationStats(2, 9000L, 9000L, 14400L));
        assertThat(reports.kpis(new ReportFilter(april.from(), april.to(), null, null, null, null, null,
                io.careloop.engine.customer.Tier.A), TicketScope.ALL).volume().in().count()).isEqualTo(2);
        assertThat(reports.kpis(new ReportFilter(april.from(), april.to(), null, null, "bob", null, null, null),
                TicketScope.ALL).volume().in().count()).isEqualTo(1);
        assertThat(reports.kpis(new ReportFilter(april.from(), april.to(), null, null, null, Category.ADVERSE_EVENT, null,
                null), TicketScope.ALL).volume().in().count()).isEqualTo(2);
        assertThat(reports.kpis(new ReportFilter(april.from(), april.to(), null, null, null, null, "Amoxil 500", null),
                TicketScope.ALL).volume().in().count()).isEqualTo(2);
        // an agent of queue service sees the numbers of that queue only
        TicketScope service = new TicketScope(false, List.of("service"), "nobody", Set.of());
        assertThat(reports.kpis(april, service).volume().in().count()).isEqualTo(3);
    }

    @OnEveryDatabase
    void drillDownListsTheTicketsBehindANumberPageByPage(Kind db) {
        ReportService reports = reports(db);

        ReportService.TicketPage missed = reports.tickets(april(), "first-response-missed", TicketScope.ALL, true, null, 50);
        assertThat(missed.items()).extracting(ReportTicket::number).containsExactly("RP-02", "RP-04", "RP-05");
        assertThat(missed.nextCursor()).isNull();

        List<String> backlog = new ArrayList<>();
        ReportService.TicketPage page = reports.tickets(april(), "backlog", TicketScope.ALL, false, null, 2);
        assertThat(page.items()).hasSize(2);
        page.items().forEach(t -> backlog.add(t.number()));
        page = reports.tickets(april(), "backlog", TicketScope.ALL, false, page.nextCursor(), 2);
        page.items().forEach(t -> backlog.add(t.number()));
        assertThat(page.nextCursor()).isNull();
        assertThat(backlog).containsExactly("RP-10", "RP-05", "RP-08", "RP-06");
        assertThat(page.items()).allSatisfy(t -> assertThat(t.subject()).isNull());
    }

    @OnEveryDatabase
    void theTicketExportStreamsTheCohortWithoutDescriptions(Kind db) {
        List<ReportTicket> rows = new ArrayList<>();
        reports(db).exportTickets(april(), TicketScope.ALL, true, rows::add);

        assertThat(rows).extracting(ReportTicket::number)
                .containsExactly("RP-07", "RP-01", "RP-02", "RP-03", "RP-04", "RP-05", "RP-08", "RP-06");
        assertThat(rows.get(1).tier()).isEqualTo("A");
        assertThat(rows.get(1).subject()).isEqualTo("=HYPERLINK(\"x\") 退货 RP-01");
    }

    @OnEveryDatabase
    void aSurveyResponseRecordedThroughTheFeedbackServiceBecomesASurveyFact(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        reports(db);
        long before = Rows.count(careLoop, "SELECT COUNT(*) FROM survey_fact WHERE kind = 'partial'");

        careLoop.feedback().recordSurveyResponse("RP-05", 2, 4, "还没解决", null, false, "report-test-1");

        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM survey_fact WHERE kind = 'partial'")).isEqualTo(before + 1);
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM survey_fact f JOIN ticket t ON t.id = f.ticket_id "
                + "WHERE t.number = 'RP-05' AND f.csat = 2 AND f.nps = 4")).isEqualTo(1);
    }
}
