package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.event.DomainEvent;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SLA clocks in business time on the seeded default calendar (Mon-Fri 09:00-18:00 Beijing), the
 * SLA timers of ticket-lifecycle, the escalation ladder, pause and resume. The job executor is
 * off: tests move both clocks and run the due timer jobs themselves.
 */
class SlaEscalationIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    /** Friday 2026-03-06 17:00 in Beijing. */
    static final Instant FRIDAY_17H = Instant.parse("2026-03-06T09:00:00Z");
    /** Monday 2026-03-09 09:00 in Beijing. */
    static final Instant MONDAY_09H = Instant.parse("2026-03-09T01:00:00Z");

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @OnEveryDatabase
    void dueDatesCountTheWorkingHoursOfTheDefaultCalendarAndTheTimersFollowThem(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, FRIDAY_17H.plusSeconds(1800));

        // A low-severity order question received Friday 17:00: 24 h / 48 h of working time
        Ticket t = intake(careLoop, FRIDAY_17H, "Order 7781 is late");

        // first response: Fri 1 h + Mon 9 h + Tue 9 h + Wed 5 h = Wednesday 14:00 Beijing
        assertThat(t.firstResponseDue()).isEqualTo(Instant.parse("2026-03-11T06:00:00Z"));
        // resolution: Fri 1 h + five days of 9 h + 2 h = Monday 16 March 11:00 Beijing
        assertThat(t.resolutionDue()).isEqualTo(Instant.parse("2026-03-16T03:00:00Z"));
        assertThat(t.slaState()).isEqualTo(Ticket.ON_TRACK);
        assertThat(t.slaMode()).isEqualTo("business");
        assertThat(t.slaCalendar()).isEqualTo("cn-office");
        Map<String, Instant> timers = timers(careLoop, t);
        assertThat(timers).containsEntry("first-response-breach", t.firstResponseDue())
                .containsEntry("resolution-breach", t.resolutionDue())
                // 80 % of 24 h = 19 h 12 min: Fri 1 h + Mon 9 h + Tue 9 h + 12 min = Wednesday 09:12
                .containsEntry("first-response-warning", Instant.parse("2026-03-11T01:12:00Z"));
    }

    @OnEveryDatabase
    void aWarningMarksTheTicketAtRiskAndABreachEscalatesUpTheLadder(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H.plusSeconds(60));
        Ticket t = intake(careLoop, MONDAY_09H, "Invoice copy needed");
        careLoop.tickets().claim(t.number(), "agent-a", null);
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = careLoop.events().subscribe(seen::add)) {
            // first-response warning
            fire(careLoop, db, t, "first-response-warning");
            Ticket warned = careLoop.tickets().find(t.number());
            assertThat(warned.slaState()).isEqualTo(Ticket.AT_RISK);
            assertThat(warned.escalationLevel()).isZero();

            // first-response breach: L2, one priority step up, the supervisors can take it
            fire(careLoop, db, t, "first-response-breach");
            Ticket l2 = careLoop.tickets().find(t.number());
            assertThat(l2.escalationLevel()).isEqualTo(1);
            assertThat(l2.slaState()).isEqualTo(Ticket.BREACHED);
            assertThat(l2.status()).isEqualTo(TicketStatus.ESCALATED);
            assertThat(l2.priority()).isEqualTo(Priority.NORMAL);
            assertThat(candidateGroups(careLoop, t)).contains("service-desk", "supervisors");

            // resolution breach: L3, urgent, department heads
            fire(careLoop, db, t, "resolution-breach");
            Ticket l3 = careLoop.tickets().find(t.number());
            assertThat(l3.escalationLevel()).isEqualTo(2);
            assertThat(l3.priority()).isEqualTo(Priority.URGENT);
            assertThat(candidateGroups(careLoop, t)).contains("supervisors", "department-heads");
            assertThat(l3.assignee()).isEqualTo("agent-a");
        }
        assertThat(seen).extracting(DomainEvent::type)
                .containsSubsequence("ticket.sla-at-risk", "ticket.escalated", "ticket.escalated");
        List<AuditEvent> trail = careLoop.transactions().read(s -> careLoop.audit().forEntity(s, "ticket", t.number()));
        assertThat(trail).filteredOn(e -> e.action().equals("ticket.escalated")).extracting(AuditEvent::reason)
                .containsExactly("first-response overdue (due " + t.firstResponseDue() + "): escalated to supervisors (L2)",
                        "resolution overdue (due " + t.resolutionDue() + "): escalated to department heads / specialists (L3)");
        assertThat(careLoop.tickets().view(t.number()).timeline()).extracting(TimelineEntry::kind)
                .contains("ticket.sla-at-risk", "ticket.escalated");
        // the manual escalation has no step left
        assertThatThrownBy(() -> careLoop.tickets().escalate(t.number(), "customer called again", "agent-a", null))
                .isInstanceOf(ConflictException.class);
    }

    @OnEveryDatabase
    void aFirstReplyTakesTheEffectAwayFromTheFirstResponseTimers(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H.plusSeconds(60));
        Ticket t = intake(careLoop, MONDAY_09H, "Delivery address");
        careLoop.tickets().reply(t.number(), "We are on it.", "agent-a", null);

        fire(careLoop, db, t, "first-response-warning");
        fire(careLoop, db, t, "first-response-breach");

        Ticket after = careLoop.tickets().find(t.number());
        assertThat(after.slaState()).isEqualTo(Ticket.ON_TRACK);
        assertThat(after.escalationLevel()).isZero();
        assertThat(after.status()).isEqualTo(TicketStatus.OPEN);
    }

    @OnEveryDatabase
    void waitingStopsTheClockAndResumingMovesTheSameTimersByTheRemainingBusinessTime(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        setBoth(db, MONDAY_09H.plusSeconds(60));
        Ticket t = intake(careLoop, MONDAY_09H, "Need the batch certificate");
        // 24 h of working time from Monday 09:00 is Wednesday 15:00
        assertThat(t.firstResponseDue()).isEqualTo(Instant.parse("2026-03-11T07:00:00Z"));
        Map<String, String> jobIds = jobIds(careLoop, t);

        // Monday 10:00: the agent waits for the customer; 23 working hours are left
        setBoth(db, MONDAY_09H.plusSeconds(3600));
        Ticket waiting = careLoop.tickets().waitOnCustomer(t.number(), "asked for the lot number", "agent-a", null);
        assertThat(waiting.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(waiting.slaPaused()).isTrue();
        ManagementService management = careLoop.processEngine().getManagementService();
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).list())
                .hasSize(4).allSatisfy(j -> assertThat(j.getDuedate().toInstant()).isAfter(Instant.parse("9000-01-01T00:00:00Z")));

        // long past the old due date nothing fires: the timers are parked
        setBoth(db, Instant.parse("2026-03-11T02:00:00Z"));
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).executable().count()).isZero();

        // Wednesday 10:00 the customer answers: 23 h from then is Friday 15:00
        Ticket resumed = careLoop.tickets().resume(t.number(), "agent-a", null);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-11T02:00:00Z"));
        assertThat(resumed.status()).isEqualTo(TicketStatus.NEW);
        assertThat(resumed.slaPaused()).isFalse();
        assertThat(resumed.firstResponseDue()).isEqualTo(Instant.parse("2026-03-13T07:00:00Z"));
        assertThat(jobIds(careLoop, t)).as("the same jobs, moved").isEqualTo(jobIds);
        assertThat(timers(careLoop, t)).containsEntry("first-response-breach", resumed.firstResponseDue())
                .containsEntry("resolution-breach", resumed.resolutionDue());
        assertThatThrownBy(() -> careLoop.tickets().resume(t.number(), "agent-a", null))
                .isInstanceOf(ConflictException.class);
    }

    @OnEveryDatabase
    void theCustomersReplyResumesAWaitingTicketAndLeavesOthersAlone(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H.plusSeconds(60));
        Ticket t = intake(careLoop, MONDAY_09H, "Which lot?");
        assertThat(careLoop.tickets().resumeIfWaiting(t.number(), "email").version()).isEqualTo(t.version());

        careLoop.tickets().waitOnCustomer(t.number(), null, "agent-a", null);
        Ticket resumed = careLoop.tickets().resumeIfWaiting(t.number(), "email");

        assertThat(resumed.slaPaused()).isFalse();
        assertThat(resumed.status()).isEqualTo(TicketStatus.NEW);
    }

    @OnEveryDatabase
    void assigningAndEscalatingByHandShowOnTheTicket(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H.plusSeconds(60));
        Ticket t = intake(careLoop, MONDAY_09H, "Complaint about the call centre");

        Ticket assigned = careLoop.tickets().assign(t.number(), "agent-b", "supervisor-s", t.version());
        assertThat(assigned.assignee()).isEqualTo("agent-b");
        assertThat(assigned.status()).isEqualTo(TicketStatus.OPEN);
        Ticket escalated = careLoop.tickets().escalate(t.number(), "the customer threatens to leave", "agent-b",
                assigned.version());
        assertThat(escalated.escalationLevel()).isEqualTo(1);
        assertThat(escalated.status()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(escalated.slaState()).isEqualTo(Ticket.ON_TRACK);
        assertThatThrownBy(() -> careLoop.tickets().assign(t.number(), "agent-c", "supervisor-s", assigned.version()))
                .isInstanceOf(ConflictException.class);
    }

    @OnEveryDatabase
    void reclassifyingRecomputesTheDueDatesAndMovesTheTimers(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H.plusSeconds(60));
        Ticket t = intake(careLoop, MONDAY_09H, "Tablets look different");

        Ticket urgent = careLoop.tickets().reclassify(t.number(), Category.PRODUCT_QUALITY, Severity.HIGH,
                "the customer reports many patients", "agent-a", null);

        // urgent counts around the clock: 2 h and 24 h after receipt
        assertThat(urgent.slaMode()).isEqualTo("calendar");
        assertThat(urgent.firstResponseDue()).isEqualTo(MONDAY_09H.plusSeconds(2 * 3600));
        assertThat(urgent.resolutionDue()).isEqualTo(MONDAY_09H.plusSeconds(24 * 3600));
        assertThat(timers(careLoop, t)).containsEntry("first-response-breach", urgent.firstResponseDue())
                .containsEntry("resolution-breach", urgent.resolutionDue());
    }

    @OnEveryDatabase
    void reclassifyingAfterAWaitKeepsTheWaitingTimeCredited(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H);
        Ticket t = intake(careLoop, MONDAY_09H, "Which lot is affected?");
        setBoth(db, MONDAY_09H.plusSeconds(3600));
        careLoop.tickets().waitOnCustomer(t.number(), null, "agent-a", null);
        setBoth(db, Instant.parse("2026-03-11T02:00:00Z"));
        Ticket resumed = careLoop.tickets().resume(t.number(), "agent-a", null);
        assertThat(resumed.firstResponseDue()).isEqualTo(Instant.parse("2026-03-13T07:00:00Z"));

        // Wednesday 11:00: 2 working hours used; the new targets (24 h, 72 h) count on from there
        setBoth(db, Instant.parse("2026-03-11T03:00:00Z"));
        Ticket after = careLoop.tickets().reclassify(t.number(), Category.PRODUCT_QUALITY, Severity.MEDIUM,
                "the customer names a lot", "agent-a", null);

        assertThat(after.firstResponseDue()).as("22 working hours from Wednesday 11:00: Friday 15:00")
                .isEqualTo(Instant.parse("2026-03-13T07:00:00Z"));
        assertThat(after.resolutionDue()).as("70 working hours from Wednesday 11:00: Friday 20 March 18:00")
                .isEqualTo(Instant.parse("2026-03-20T10:00:00Z"));
        assertThat(timers(careLoop, t)).containsEntry("first-response-breach", after.firstResponseDue())
                .containsEntry("resolution-breach", after.resolutionDue());
    }

    @OnEveryDatabase
    void reclassifyingAReopenedTicketKeepsItsNewResolutionClock(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H);
        Ticket t = intake(careLoop, MONDAY_09H, "Refund not received");
        careLoop.tickets().claim(t.number(), "agent-a", null);
        setBoth(db, MONDAY_09H.plusSeconds(3600));
        careLoop.tickets().resolve(t.number(), "refund sent", "agent-a", null);
        setBoth(db, Instant.parse("2026-03-12T02:00:00Z"));
        Ticket reopened = careLoop.tickets().reopen(t.number(), "the refund did not arrive", "agent-a", null);
        assertThat(reopened.resolutionDue()).isEqualTo(Instant.parse("2026-03-19T05:00:00Z"));

        setBoth(db, Instant.parse("2026-03-12T03:00:00Z"));
        Ticket after = careLoop.tickets().reclassify(t.number(), null, Severity.MEDIUM, "second complaint", "agent-a", null);

        assertThat(after.resolutionDue()).as("same 48 h target, counted from the reopen, not from receipt")
                .isEqualTo(reopened.resolutionDue());
        assertThat(timers(careLoop, t)).containsEntry("resolution-breach", after.resolutionDue());
    }

    @OnEveryDatabase
    void aSupervisorsRowInTheEscalationLadderSendsOneQueuesL3ElsewhereAndLeavesTheOthersAlone(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        setBoth(db, MONDAY_09H.plusSeconds(60));
        String table;
        try (var in = getClass().getResourceAsStream("/escalation-ladder.dmn")) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // the supervisor adds a row above the defaults: medical-affairs' L3 are the medical directors
        String edited = table.replace("<rule id=\"escalation-ladder-rule-1\">", """
                <rule id="escalation-ladder-rule-medical">
                  <inputEntry id="escalation-ladder-rule-medical-in-1"><text>"medical-affairs"</text></inputEntry>
                  <inputEntry id="escalation-ladder-rule-medical-in-2"><text>2</text></inputEntry>
                  <outputEntry id="escalation-ladder-rule-medical-out-1"><text>"medical-directors"</text></outputEntry>
                </rule>
                <rule id="escalation-ladder-rule-1">""");
        careLoop.processEngine().getRepositoryService().createDeployment().name("escalation-ladder edited")
                .addString("escalation-ladder.dmn", edited).deploy();
        Ticket medical = careLoop.intake().intake(new TicketDraft(Drafts.unique("Dosing in renal failure?"), "described",
                io.careloop.engine.ticket.Channel.EMAIL, Category.MEDICAL_INQUIRY, Severity.MEDIUM, null, null, null, null,
                MONDAY_09H), "api", Drafts.unique("k"), "agent-a").ticket();
        Ticket desk = intake(careLoop, MONDAY_09H, "Order missing");

        for (Ticket t : List.of(medical, desk)) {
            careLoop.tickets().escalate(t.number(), "no answer from the queue", "agent-a", null);
            careLoop.tickets().escalate(t.number(), "still no answer", "agent-a", null);
        }

        assertThat(candidateGroups(careLoop, medical)).contains("supervisors", "medical-directors")
                .doesNotContain("department-heads");
        assertThat(candidateGroups(careLoop, desk)).contains("supervisors", "department-heads");
    }

    // ---- helpers ----

    private static Ticket intake(CareLoop careLoop, Instant receivedAt, String subject) {
        return careLoop.intake().intake(new TicketDraft(Drafts.unique(subject), "described", io.careloop.engine.ticket.Channel.EMAIL,
                Category.SERVICE_PROCESS, Severity.LOW, null, null, null, null, receivedAt), "api", Drafts.unique("k"),
                "agent-a").ticket();
    }

    private static void setBoth(Kind db, Instant at) {
        careLoops.clock(db).set(at);
        ClockUtil.setCurrentTime(Date.from(at));
    }

    /** Moves both clocks to the timer's due date and runs its job, as the job executor would. */
    private static void fire(CareLoop careLoop, Kind db, Ticket t, String boundaryEvent) {
        ManagementService management = careLoop.processEngine().getManagementService();
        Job job = slaJobs(careLoop, t).get(boundaryEvent);
        assertThat(job).as(boundaryEvent).isNotNull();
        setBoth(db, job.getDuedate().toInstant().plusSeconds(1));
        management.executeJob(job.getId());
    }

    private static Map<String, Job> slaJobs(CareLoop careLoop, Ticket t) {
        Map<String, Job> jobs = new java.util.HashMap<>();
        for (String activity : List.of("first-response-warning", "first-response-breach", "resolution-warning",
                "resolution-breach")) {
            Job j = careLoop.processEngine().getManagementService().createJobQuery()
                    .processInstanceId(t.processInstanceId()).activityId(activity).singleResult();
            if (j != null) {
                jobs.put(activity, j);
            }
        }
        return jobs;
    }

    private static Map<String, Instant> timers(CareLoop careLoop, Ticket t) {
        return slaJobs(careLoop, t).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getDuedate().toInstant()));
    }

    private static Map<String, String> jobIds(CareLoop careLoop, Ticket t) {
        return slaJobs(careLoop, t).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getId()));
    }

    private static List<String> candidateGroups(CareLoop careLoop, Ticket t) {
        var tasks = careLoop.processEngine().getTaskService();
        String taskId = tasks.createTaskQuery().processInstanceId(t.processInstanceId()).taskDefinitionKey("handle")
                .singleResult().getId();
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
