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

    record State(String zone, boolean built, long ticketMark, long auditMark, long surveyMark) {
    }

    record Dirty(long id, Long ticketId, String number) {
    }

    /** What a ticket's stored durations and "resolved" day are computed from. */
    record Clock(long id, String number, Instant receivedAt, Instant firstRespondedAt, Instant resolvedAt, String slaMode,
                 String slaCalendar, Long firstResponseBusinessS, Long resolutionBusinessS, LocalDate kpiOutDay) {
    }

    /** One ticket received on the day being rolled up. */
    record DayTicket(String queue, String category, String status, int reopenCount, int escalationLevel,
                     Instant firstResponseDue, Instant firstRespondedAt, Instant resolutionDue, Instant resolvedAt,
                     Instant slaPausedAt, Long firstResponseBusinessS, Long resolutionBusinessS,
                     boolean adverseEventSuspected, String pvReview, Instant regulatoryDue, Instant submittedAt,
                     String product, String lot) {
    }

    record SliceCount(String queue, String category, long n) {
    }

    State lockState();

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

    /** The roll-up rows of the window's days that pass its queue / team / category / scope filters. */
    List<KpiDay> rows(@Param("p") ReportWindow p, @Param("fromDay") LocalDate fromDay, @Param("toDay") LocalDate toDay);

    List<Kpis.Complaint> complaints(@Param("p") ReportWindow p, @Param("fromDay") LocalDate fromDay,
                                    @Param("toDay") LocalDate toDay, @Param("anyQueue") boolean anyQueue);

    /** Of one roll-up row's running clocks (kind fr, res or ae), how many are past due at {@code now}. */
    long pastDue(@Param("kind") String kind, @Param("start") Instant start, @Param("end") Instant end,
                 @Param("queue") String queue, @Param("category") String category, @Param("now") Instant now);
}
