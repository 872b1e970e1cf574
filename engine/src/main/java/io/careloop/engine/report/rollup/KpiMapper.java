package io.careloop.engine.report.rollup;

import io.careloop.engine.report.Kpis;
import io.careloop.engine.report.ReportMapper;
import io.careloop.engine.report.ReportWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The roll-up tables of V19 (SQL in KpiMapper.xml, the same text on H2 and PostgreSQL). */
public interface KpiMapper {

    /**
     * The one {@code kpi_state} row: the zone the days are in, whether the roll-up is complete, the highest
     * ids seen, and the build in progress (V22): its days, the next day to build (backwards; null once
     * built), and the node holding it until when.
     */
    record State(String zone, boolean built, long ticketMark, long auditMark, long surveyMark, LocalDate buildFirst,
                 LocalDate buildLast, LocalDate buildNext, String leaseOwner, Instant leaseUntil) {

        State withMarks(long ticket, long audit, long survey) {
            return new State(zone, built, ticket, audit, survey, buildFirst, buildLast, buildNext, leaseOwner, leaseUntil);
        }

        /** A build of {@code z}'s days is under way (begun, not finished). */
        boolean building(java.time.ZoneId z) {
            return !built && buildNext != null && z.getId().equals(zone);
        }
    }

    record Dirty(long id, Long ticketId, String number) {
    }

    /** What a ticket's stored durations and "resolved" day are computed from. */
    record Clock(long id, String number, Instant receivedAt, Instant firstRespondedAt, Instant resolvedAt, String slaMode,
                 String slaCalendar, Long firstResponseBusinessS, Long resolutionBusinessS, LocalDate kpiOutDay) {
    }

    /** One ticket received on the day being rolled up. */
    record DayTicket(Instant receivedAt, String queue, String category, String status, int reopenCount, int escalationLevel,
                     Instant firstResponseDue, Instant firstRespondedAt, Instant resolutionDue, Instant resolvedAt,
                     Instant slaPausedAt, Long firstResponseBusinessS, Long resolutionBusinessS,
                     boolean adverseEventSuspected, String pvReview, Instant regulatoryDue, Instant submittedAt,
                     String product, String lot) {
    }

    record SliceCount(String queue, String category, long n) {
    }

    /** A survey fact of the day being rolled up, with what the response rate needs to know about its ticket. */
    record SurveyFact(long ticketId, String kind, Integer csat, Integer nps, String queue, String category,
                      boolean answered, boolean elsewhere) {
    }

    /** The survey roll-up of a window, summed. */
    record SurveyRow(Long csat1, Long csat2, Long csat3, Long csat4, Long csat5, Long nps0, Long nps1, Long nps2,
                     Long nps3, Long nps4, Long nps5, Long nps6, Long nps7, Long nps8, Long nps9, Long nps10,
                     Long invited, Long responded, Long multi) {
    }

    /** What the backlog needs of one roll-up row. */
    record BacklogRow(LocalDate reportDay, int openCount, java.math.BigDecimal openEpochSum, Instant openMinReceived,
                      Instant resolvedMax) {
    }

    /** The backlog over some days of receipt, from the ticket rows. */
    record BacklogPart(Long openTickets, Instant oldest, java.math.BigDecimal epochSum, Long underOneDay,
                       Long oneToThreeDays, Long threeToSevenDays, Long overSevenDays) {
    }

    State lockState();

    /** The state without a lock (what a status answer shows). */
    State state();

    void saveState(@Param("s") State s);

    void mark(@Param("ticketId") Long ticketId, @Param("number") String number);

    List<Dirty> dirty(@Param("limit") int limit);

    void deleteDirty(@Param("ids") Collection<Long> ids);

    long maxTicketId();

    long maxAuditId();

    long maxSurveyId();

    List<Long> ticketsAfter(@Param("mark") long mark, @Param("upTo") long upTo);

    List<String> auditTicketsAfter(@Param("mark") long mark, @Param("upTo") long upTo);

    List<Long> surveyTicketsAfter(@Param("mark") long mark, @Param("upTo") long upTo);

    List<Clock> clocksById(@Param("ids") Collection<Long> ids);

    List<Clock> clocksByNumber(@Param("numbers") Collection<String> numbers);

    List<Clock> clocksReceived(@Param("start") Instant start, @Param("end") Instant end);

    /** Waits on the customer of these tickets, in the order they happened. */
    List<ReportMapper.PauseEvent> pauses(@Param("numbers") Collection<String> numbers);

    void setClocks(@Param("id") long id, @Param("fr") Long firstResponse, @Param("res") Long resolution,
                   @Param("outDay") LocalDate outDay);

    /** Each row's id with the durations and day to store (the other fields are not read). */
    void setManyClocks(@Param("rows") List<Clock> rows);

    Instant firstReceived();

    Instant lastActivity();

    List<DayTicket> dayTickets(@Param("start") Instant start, @Param("end") Instant end);

    List<SliceCount> resolvedOn(@Param("start") Instant start, @Param("end") Instant end);

    void deleteDay(@Param("day") LocalDate day);

    void insertDay(@Param("r") KpiDay r);

    void deleteComplaintDay(@Param("day") LocalDate day);

    void insertComplaint(@Param("day") LocalDate day, @Param("queue") String queue, @Param("product") String product,
                         @Param("lot") String lot, @Param("n") int n);

    void clear();

    void clearComplaints();

    void clearSurveys();

    void deleteSurveyDay(@Param("day") LocalDate day);

    List<SurveyFact> surveyFactsOn(@Param("start") Instant start, @Param("end") Instant end);

    List<Instant> surveyTimes(@Param("ids") Collection<Long> ticketIds);

    void insertSurveyDay(@Param("day") LocalDate day, @Param("queue") String queue, @Param("category") String category,
                         @Param("c") int[] csat, @Param("n") int[] nps, @Param("invited") int invited,
                         @Param("responded") int responded, @Param("multi") int multi);

    SurveyRow surveyRows(@Param("p") ReportWindow p, @Param("fromDay") LocalDate fromDay, @Param("toDay") LocalDate toDay);

    List<BacklogRow> backlogRows(@Param("p") ReportWindow p, @Param("toDay") LocalDate toDay);

    BacklogPart backlogDetail(@Param("p") ReportWindow p, @Param("start") Instant start, @Param("end") Instant end);

    /** The roll-up rows of the window's days that pass its queue / team / category / scope filters. */
    List<KpiDay> rows(@Param("p") ReportWindow p, @Param("fromDay") LocalDate fromDay, @Param("toDay") LocalDate toDay);

    List<Kpis.Complaint> complaints(@Param("p") ReportWindow p, @Param("fromDay") LocalDate fromDay,
                                    @Param("toDay") LocalDate toDay, @Param("anyQueue") boolean anyQueue);

    /** Of one roll-up row's running clocks (kind fr, res or ae), how many are past due at {@code now}. */
    long pastDue(@Param("kind") String kind, @Param("start") Instant start, @Param("end") Instant end,
                 @Param("queue") String queue, @Param("category") String category, @Param("now") Instant now);
}
