package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.sla.CalendarInput;
import io.careloop.engine.sla.QueueCalendar;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SLA clocks count on the calendar of the ticket's queue: medical-affairs works on Berlin's
 * hours (Mon-Fri 09:00-17:00, a holiday on Wednesday 4 March 2026), the service desk on Shanghai's
 * (Mon-Fri 09:00-18:00, a holiday on Thursday 5 March 2026). Moving a ticket to the other queue
 * charges the time used on the old calendar and counts the rest on the new one.
 */
class QueueCalendarSlaIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    /** Monday 2 March 2026, 09:00 in Berlin (CET, UTC+1) = 16:00 in Shanghai. */
    static final Instant MONDAY_09H_BERLIN = Instant.parse("2026-03-02T08:00:00Z");
    /** Monday 2 March 2026, 09:00 in Shanghai. */
    static final Instant MONDAY_09H_SHANGHAI = Instant.parse("2026-03-02T01:00:00Z");

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @OnEveryDatabase
    void eachQueueCountsOnItsOwnCalendarAndAnUnassignedQueueOnTheDefault(Kind db) {
        CareLoop c = careLoops.on(db);
        twoOffices(c);
        setBoth(db, MONDAY_09H_SHANGHAI.plusSeconds(60));

        // service desk, 24 h of Shanghai time: Mon 9 h + Tue 9 h + Wed 6 h = Wednesday 15:00 Shanghai
        Ticket order = intake(c, Category.SERVICE_PROCESS, Severity.LOW, MONDAY_09H_SHANGHAI, "Order 5512 late");
        assertThat(order.slaCalendar()).isEqualTo("cn-shanghai");
        assertThat(order.firstResponseDue()).isEqualTo(Instant.parse("2026-03-04T07:00:00Z"));

        // medical affairs, 24 h of Berlin time: Mon 8 h + Tue 8 h + (Wed is a holiday) Thu 8 h = Thursday 17:00 Berlin
        setBoth(db, MONDAY_09H_BERLIN.plusSeconds(60));
        Ticket question = intake(c, Category.MEDICAL_INQUIRY, Severity.MEDIUM, MONDAY_09H_BERLIN, "Dosage question");
        assertThat(question.queue()).isEqualTo("medical-affairs");
        assertThat(question.slaCalendar()).isEqualTo("de-berlin");
        assertThat(question.firstResponseDue()).isEqualTo(Instant.parse("2026-03-05T16:00:00Z"));
        assertThat(slaJob(c, question, "first-response-breach").getDuedate().toInstant()).isEqualTo(question.firstResponseDue());

        // a queue without a calendar of its own counts on the default calendar
        Ticket complaint = intake(c, Category.PRODUCT_QUALITY, Severity.MEDIUM, MONDAY_09H_BERLIN, "Blister torn");
        assertThat(complaint.queue()).isEqualTo("quality");
        assertThat(complaint.slaCalendar()).isEqualTo("cn-office");
    }

    @OnEveryDatabase
    void movingATicketToAQueueOnAnotherCalendarCountsTheRestOnTheNewCalendar(Kind db) {
        CareLoop c = careLoops.on(db);
        twoOffices(c);
        setBoth(db, MONDAY_09H_BERLIN.plusSeconds(60));
        Ticket question = intake(c, Category.MEDICAL_INQUIRY, Severity.MEDIUM, MONDAY_09H_BERLIN, "Is this an order issue?");

        // Tuesday 09:00 Berlin (16:00 Shanghai): 8 h of the 24 h first-response target used, on Berlin's calendar
        Instant tuesday = Instant.parse("2026-03-03T08:00:00Z");
        setBoth(db, tuesday);
        Ticket moved = c.tickets().reclassify(question.number(), Category.SERVICE_PROCESS, Severity.LOW,
                "it is about a late delivery", "agent-a", null);

        // 16 h left on Shanghai's calendar: Tue 2 h + Wed 9 h + (Thu is a holiday) Fri 5 h = Friday 14:00 Shanghai
        assertThat(moved.queue()).isEqualTo("service-desk");
        assertThat(moved.slaCalendar()).isEqualTo("cn-shanghai");
        assertThat(moved.firstResponseDue()).isEqualTo(Instant.parse("2026-03-06T06:00:00Z"));
        assertThat(slaJob(c, moved, "first-response-breach").getDuedate().toInstant()).isEqualTo(moved.firstResponseDue());
    }

    @OnEveryDatabase
    void anAssignmentNamesACalendarThatExists(Kind db) {
        CareLoop c = careLoops.on(db);
        assertThatThrownBy(() -> c.queueCalendars().assign("quality", "atlantis", null, "admin"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no calendar atlantis");
        assertThatThrownBy(() -> c.queueCalendars().assign("Quality Queue", "cn-office", null, "admin"))
                .isInstanceOf(InvalidInputException.class);
        c.queueCalendars().assign("quality", "cn-office", "quality works Beijing hours", "admin");
        assertThat(c.queueCalendars().list()).extracting(QueueCalendar::queue, QueueCalendar::calendarCode)
                .contains(org.assertj.core.groups.Tuple.tuple("quality", "cn-office"));
        c.queueCalendars().assign("quality", null, "back to the default", "admin");
        assertThat(c.queueCalendars().list()).extracting(QueueCalendar::queue).doesNotContain("quality");
    }

    /** Two offices, one calendar each, assigned to medical-affairs and the service desk. */
    static void twoOffices(CareLoop c) {
        String suffix = "";
        Map<String, List<Map<String, String>>> berlinWeek = week("09:00", "17:00");
        c.calendars().put("de-berlin" + suffix, new CalendarInput("Berlin office", "Europe/Berlin", berlinWeek,
                List.of("2026-03-04"), List.of(), false, null), "admin");
        c.calendars().put("cn-shanghai" + suffix, new CalendarInput("上海办公室", "Asia/Shanghai", week("09:00", "18:00"),
                List.of("2026-03-05"), List.of(), false, null), "admin");
        c.queueCalendars().assign("medical-affairs", "de-berlin" + suffix, "medical affairs sits in Berlin", "admin");
        c.queueCalendars().assign("service-desk", "cn-shanghai" + suffix, "the service desk sits in Shanghai", "admin");
    }

    private static Map<String, List<Map<String, String>>> week(String start, String end) {
        Map<String, List<Map<String, String>>> w = new java.util.LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            w.put(day, List.of(Map.of("start", start, "end", end)));
        }
        return w;
    }

    private static Ticket intake(CareLoop c, Category category, Severity severity, Instant receivedAt, String subject) {
        return c.intake().intake(new TicketDraft(Drafts.unique(subject), "described", Channel.EMAIL, category, severity,
                null, null, null, null, receivedAt), "api", Drafts.unique("k"), "agent-a").ticket();
    }

    private static Job slaJob(CareLoop c, Ticket t, String boundaryEvent) {
        return c.processEngine().getManagementService().createJobQuery().processInstanceId(t.processInstanceId())
                .activityId(boundaryEvent).singleResult();
    }

    private static void setBoth(Kind db, Instant at) {
        careLoops.clock(db).set(at);
        ClockUtil.setCurrentTime(Date.from(at));
    }
}
