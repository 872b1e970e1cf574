package io.careloop.engine.report;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/** The KPI queries (SQL in ReportMapper.xml), and the rows they answer. */
public interface ReportMapper {

    /** Counts over the tickets received in the period. */
    record CohortCounts(Long received, Long resolved, Long everResolved, Long reopened, Long escalated,
                        Long escalatedToL3, Long firstResponseMet, Long firstResponseMissed, Long resolutionMet,
                        Long resolutionMissed) {
    }

    /** The tickets open at the end of the period, by age. */
    record BacklogCounts(Long openTickets, Instant oldestReceivedAt, Double averageReceivedEpoch, Long underOneDay,
                         Long oneToThreeDays, Long threeToSevenDays, Long overSevenDays) {
    }

    /** What the business-time KPIs of one ticket need. */
    record ClockFacts(String number, Instant receivedAt, Instant firstRespondedAt, Instant resolvedAt, String slaMode,
                      String slaCalendar) {
    }

    /** One stop ({@code ticket.waiting}) or restart ({@code ticket.resumed}) of a ticket's SLA clocks. */
    record PauseEvent(String number, String action, Instant occurredAt) {
    }

    record ScoreCount(Integer score, Long responses) {
    }

    record SurveyCounts(Long invited, Long responded) {
    }

    CohortCounts cohortCounts(@Param("p") ReportWindow p);

    long volumeOut(@Param("p") ReportWindow p);

    BacklogCounts backlog(@Param("p") ReportWindow p);

    void clockFacts(@Param("p") ReportWindow p, ResultHandler<ClockFacts> handler);

    List<PauseEvent> pauses(@Param("p") ReportWindow p);

    /** {@code measure} is {@code csat} or {@code nps}. */
    List<ScoreCount> scores(@Param("p") ReportWindow p, @Param("measure") String measure);

    SurveyCounts surveyResponseRate(@Param("p") ReportWindow p);

    List<Kpis.Complaint> complaints(@Param("p") ReportWindow p);

    List<Kpis.ClockStatusCount> adverseEvents(@Param("p") ReportWindow p);

    /** A page of the tickets behind {@code p.kpi()}, after the keyset position (null = from the start). */
    List<ReportTicket> tickets(@Param("p") ReportWindow p, @Param("withSubject") boolean withSubject,
                               @Param("afterReceived") Instant afterReceived, @Param("afterId") Long afterId,
                               @Param("limit") int limit);

    /** All of them, one at a time (the CSV export). */
    void streamTickets(@Param("p") ReportWindow p, @Param("withSubject") boolean withSubject,
                       @Param("afterReceived") Instant afterReceived, @Param("afterId") Long afterId,
                       ResultHandler<ReportTicket> handler);

    /** A survey fact (FeedbackService and SurveyHandling record them as they happen). */
    void insertSurveyFact(@Param("ticketId") long ticketId, @Param("kind") String kind, @Param("csat") Integer csat,
                          @Param("nps") Integer nps, @Param("at") Instant at);
}
