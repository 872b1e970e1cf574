package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.CareLoop;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ticket's life through {@link TicketService}, as an agent and an auditor see it: the ticket
 * row, the audit trail and where ticket-lifecycle.bpmn stands.
 */
class TicketLifecycleIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    /** The calendar V3 seeds as the default. */
    static final io.careloop.engine.sla.DueDateCalculator OFFICE = io.careloop.engine.sla.DueDateCalculator.businessTime(
            io.careloop.engine.sla.SlaTestCalendars.seededOffice());

    // ---- classification (classify-ticket.dmn, DOMAIN.md "Time limits") ----

    @OnEveryDatabase
    void aHighSeverityMedicationErrorIsUrgentForPharmacovigilanceWithTwoAndTwentyFourHourTargets(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Instant receivedAt = careLoops.clock(db).instant().minus(Duration.ofMinutes(40));

        Ticket t = careLoop.intake().intake(new TicketDraft("Dosing error 用药错误", "20mg instead of 10mg", Channel.PHONE,
                Category.MEDICATION_ERROR, Severity.HIGH, null, null, "Cardiolex 20mg", "22C01", receivedAt),
                "api", Drafts.unique("k"), "agent-a").ticket();

        assertThat(t.category()).isEqualTo(Category.MEDICATION_ERROR);
        assertThat(t.severity()).isEqualTo(Severity.HIGH);
        assertThat(t.priority()).isEqualTo(Priority.URGENT);
        assertThat(t.queue()).isEqualTo("pharmacovigilance");
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
        assertThat(t.receivedAt()).isEqualTo(receivedAt);
        assertThat(t.firstResponseDue()).isEqualTo(receivedAt.plus(Duration.ofHours(2)));
        assertThat(t.resolutionDue()).isEqualTo(receivedAt.plus(Duration.ofHours(24)));
        assertThat(candidateGroups(careLoop, t)).containsExactly("pharmacovigilance");
    }

    @OnEveryDatabase
    void aMedicalQuestionFromATierACustomerIsHighWithFourAndFortyEightHourTargets(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Customer pharmacist = careLoop.customers().create(new CustomerDraft(CustomerType.PHARMACIST, Tier.A, "李娜",
                "上海第一人民医院", "药剂科", Drafts.unique("li.na") + "@example.cn", null, "rep.zhang"), "admin");

        Ticket t = careLoop.intake().intake(Drafts.ticket("超说明书用药咨询", Category.MEDICAL_INQUIRY, null, pharmacist.id()),
                "api", Drafts.unique("k"), "agent-a").ticket();

        assertThat(t.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.queue()).isEqualTo("medical-affairs");
        assertThat(t.customerId()).isEqualTo(pharmacist.id());
        // not urgent: counted in the working hours of the default calendar (Mon-Fri 09:00-18:00 Beijing)
        assertThat(t.firstResponseDue()).isEqualTo(OFFICE.addBusinessTime(t.receivedAt(), Duration.ofHours(4)));
        assertThat(t.resolutionDue()).isEqualTo(OFFICE.addBusinessTime(t.receivedAt(), Duration.ofHours(48)));
    }

    @OnEveryDatabase
    void aTicketWithoutCategoryOrSeverityIsCategorisedFromItsTextWithTheCategorysDefaultSeverity(Kind db) {
        CareLoop careLoop = careLoops.on(db);

        Ticket t = careLoop.intake().intake(new TicketDraft("患者服用后出现皮疹", "全身皮疹，伴瘙痒", Channel.PHONE, null, null,
                null, null, null, null, null), "api", Drafts.unique("k"), "agent-a").ticket();

        assertThat(t.category()).isEqualTo(Category.ADVERSE_EVENT);
        assertThat(t.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(t.priority()).isEqualTo(Priority.NORMAL);
        assertThat(t.queue()).isEqualTo("pharmacovigilance");
        assertThat(t.firstResponseDue()).isEqualTo(OFFICE.addBusinessTime(t.receivedAt(), Duration.ofHours(24)));
        assertThat(t.resolutionDue()).isEqualTo(OFFICE.addBusinessTime(t.receivedAt(), Duration.ofHours(48)));
    }

    // ---- claiming ----

    @OnEveryDatabase
    void claimingOpensTheTicketAndMakesTheAgentItsAssigneeOnTheTicketAndTheTask(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.PRODUCT_QUALITY, Severity.MEDIUM);

        Ticket claimed = careLoop.tickets().claim(t.number(), "agent-a", t.version());

        assertThat(claimed.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(claimed.assignee()).isEqualTo("agent-a");
        assertThat(claimed.version()).isEqualTo(t.version() + 1);
        assertThat(careLoop.tickets().find(t.number()).assignee()).isEqualTo("agent-a");
        assertThat(handleTask(careLoop, t).getAssignee()).isEqualTo("agent-a");
    }

    @OnEveryDatabase
    void aSecondAgentCannotClaimATicketSomeoneHolds(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.PRODUCT_QUALITY, Severity.MEDIUM);
        careLoop.tickets().claim(t.number(), "agent-a", null);

        assertThatThrownBy(() -> careLoop.tickets().claim(t.number(), "agent-b", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("agent-a");

        assertThat(careLoop.tickets().find(t.number()).assignee()).isEqualTo("agent-a");
        assertThat(handleTask(careLoop, t).getAssignee()).isEqualTo("agent-a");
    }

    @OnEveryDatabase
    void aChangeMadeAgainstAStaleVersionIsAConflictAndChangesNothing(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.SERVICE_PROCESS, Severity.LOW);
        Ticket claimed = careLoop.tickets().claim(t.number(), "agent-a", t.version());
        long audits = auditTrail(careLoop, t).size();

        // agent-a's screen still shows the version before the claim
        assertThatThrownBy(() -> careLoop.tickets().reply(t.number(), "你好", "agent-a", t.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed by someone else");

        Ticket now = careLoop.tickets().find(t.number());
        assertThat(now.version()).isEqualTo(claimed.version());
        assertThat(now.firstRespondedAt()).isNull();
        assertThat(auditTrail(careLoop, t)).hasSize((int) audits);
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM interaction WHERE ticket_id = ?", t.id())).isZero();
    }

    @OnEveryDatabase
    void twoAgentsClaimingAtTheSameMomentGiveOneWinnerAndOneConflict(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Ticket t = open(careLoop, Category.SERVICE_PROCESS, Severity.MEDIUM);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<Ticket>> agents = new ArrayList<>();
                for (String agent : List.of("agent-a", "agent-b")) {
                    agents.add(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return careLoop.tickets().claim(t.number(), agent, t.version());
                    });
                }

                List<Ticket> won = new ArrayList<>();
                List<Throwable> lost = new ArrayList<>();
                for (Future<Ticket> f : pool.invokeAll(agents, 30, TimeUnit.SECONDS)) {
                    try {
                        won.add(f.get());
                    } catch (ExecutionException e) {
                        lost.add(e.getCause());
                    }
                }

                assertThat(won).hasSize(1);
                assertThat(lost).singleElement().isInstanceOf(ConflictException.class);
                String winner = won.get(0).assignee();
                assertThat(careLoop.tickets().find(t.number()).assignee()).isEqualTo(winner);
                assertThat(handleTask(careLoop, t).getAssignee()).isEqualTo(winner);
                assertThat(auditTrail(careLoop, t)).filteredOn(e -> e.action().equals("ticket.claimed")).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- replying, resolving, reopening, closing ----

    @OnEveryDatabase
    void theFirstReplyStopsTheFirstResponseClockAndIsOnTheTimeline(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        Ticket t = open(careLoop, Category.PRODUCT_QUALITY, Severity.MEDIUM);
        careLoop.tickets().claim(t.number(), "agent-a", null);
        Instant firstReply = clock.advance(Duration.ofMinutes(25));

        Ticket replied = careLoop.tickets().reply(t.number(), "请保留包装并提供照片。", "agent-a", null);
        clock.advance(Duration.ofMinutes(10));
        careLoop.tickets().reply(t.number(), "照片已收到。", "agent-a", null);

        assertThat(replied.firstRespondedAt()).isEqualTo(firstReply);
        assertThat(careLoop.tickets().find(t.number()).firstRespondedAt()).isEqualTo(firstReply);
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM interaction WHERE ticket_id = ? AND kind = 'reply' "
                + "AND direction = 'outbound' AND author = 'agent-a'", t.id())).isEqualTo(2);
        assertThat(careLoop.tickets().view(t.number()).timeline())
                .filteredOn(e -> e.type().equals("interaction"))
                .extracting(TimelineEntry::body)
                .containsExactly("请保留包装并提供照片。", "照片已收到。");
    }

    @OnEveryDatabase
    void resolvingLeavesTheProcessWaitingAtTheResolvedGateway(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.SERVICE_PROCESS, Severity.LOW);
        careLoop.tickets().claim(t.number(), "agent-a", null);

        Ticket resolved = careLoop.tickets().resolve(t.number(), "订单已发出，运单号 SF1234567890。", "agent-a", null);

        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(careLoops.clock(db).instant());
        assertThat(resolved.firstRespondedAt()).isNotNull();
        assertThat(activities(careLoop, t)).containsExactly("resolved");
        assertThat(careLoop.tickets().view(t.number()).processActivities()).containsExactly("resolved");
        assertThat(careLoop.processEngine().getTaskService().createTaskQuery()
                .processInstanceId(t.processInstanceId()).count()).isZero();
        // a resolved ticket takes no more replies until it is reopened
        assertThatThrownBy(() -> careLoop.tickets().reply(t.number(), "one more thing", "agent-a", null))
                .isInstanceOf(ConflictException.class);
    }

    @OnEveryDatabase
    void reopeningWithoutAReasonIsRefused(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = resolvedTicket(careLoop);

        for (String noReason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> careLoop.tickets().reopen(t.number(), noReason, "supervisor", null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        }
        assertThat(careLoop.tickets().find(t.number()).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(activities(careLoop, t)).containsExactly("resolved");
    }

    @OnEveryDatabase
    void reopeningSendsTheTicketBackToHandleStillWithItsAgent(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = resolvedTicket(careLoop);

        Ticket reopened = careLoop.tickets().reopen(t.number(), "客户再次来电，问题未解决", "supervisor", null);

        assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(activities(careLoop, t)).containsExactly("handle");
        assertThat(reopened.assignee()).isEqualTo("agent-a");
        // the process's new task is the same agent's too: row and process stay in step
        assertThat(handleTask(careLoop, t).getAssignee()).isEqualTo("agent-a");
        assertThat(candidateGroups(careLoop, t)).containsExactly("service-desk");
        assertThat(auditTrail(careLoop, t)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ticket.reopened");
            assertThat(e.actor()).isEqualTo("supervisor");
            assertThat(e.reason()).isEqualTo("客户再次来电，问题未解决");
        });

        // and it can be resolved again
        careLoop.tickets().resolve(t.number(), null, "agent-a", null);
        assertThat(activities(careLoop, t)).containsExactly("resolved");
    }

    @OnEveryDatabase
    void closingAResolvedTicketEndsItsProcess(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = resolvedTicket(careLoop);
        Instant closedAt = careLoops.clock(db).advance(Duration.ofHours(3));

        Ticket closed = careLoop.tickets().close(t.number(), "agent-a", null);

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(closedAt);
        ProcessEngine engine = careLoop.processEngine();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(t.processInstanceId()).count()).isZero();
        HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(t.processInstanceId()).singleResult();
        assertThat(history.getEndTime()).isNotNull();
        assertThat(history.getEndActivityId()).isEqualTo("closed");
        assertThat(careLoop.tickets().view(t.number()).processActivities()).isEmpty();
    }

    @OnEveryDatabase
    void onlyAResolvedTicketCanBeClosedOrReopened(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.SERVICE_PROCESS, Severity.LOW);

        assertThatThrownBy(() -> careLoop.tickets().close(t.number(), "agent-a", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> careLoop.tickets().reopen(t.number(), "why not", "agent-a", null))
                .isInstanceOf(ConflictException.class);
        assertThat(activities(careLoop, t)).containsExactly("handle");
    }

    // ---- reclassifying ----

    @OnEveryDatabase
    void reclassifyingWithAReasonRecomputesPriorityQueueAndDueDatesAndMovesTheTask(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.SERVICE_PROCESS, Severity.LOW);
        assertThat(t.queue()).isEqualTo("service-desk");
        assertThat(t.priority()).isEqualTo(Priority.LOW);

        Ticket after = careLoop.tickets().reclassify(t.number(), Category.ADVERSE_EVENT, Severity.HIGH,
                "患者报告住院 hospitalised", "supervisor", t.version());

        assertThat(after.category()).isEqualTo(Category.ADVERSE_EVENT);
        assertThat(after.severity()).isEqualTo(Severity.HIGH);
        assertThat(after.priority()).isEqualTo(Priority.URGENT);
        assertThat(after.queue()).isEqualTo("pharmacovigilance");
        assertThat(after.firstResponseDue()).isEqualTo(t.receivedAt().plus(Duration.ofHours(2)));
        assertThat(after.resolutionDue()).isEqualTo(t.receivedAt().plus(Duration.ofHours(24)));
        assertThat(candidateGroups(careLoop, t)).containsExactly("pharmacovigilance");
        // an adverse event by category gets the pharmacovigilance review intake gives a suspected one
        assertThat(after.adverseEventSuspected()).isTrue();
        assertThat(after.pvReview()).isEqualTo(TicketService.PV_PENDING);
        assertThat(careLoop.processEngine().getTaskService().createTaskQuery().processInstanceId(t.processInstanceId())
                .taskDefinitionKey("pv-review").count()).isEqualTo(1);
        assertThat(careLoop.processEngine().getRuntimeService().getVariable(t.processInstanceId(), "category"))
                .isEqualTo("adverse-event");
        assertThat(auditTrail(careLoop, t)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ticket.reclassified");
            assertThat(e.reason()).isEqualTo("患者报告住院 hospitalised");
            assertThat(json(careLoop, e.beforeState()).get("queue").asText()).isEqualTo("service-desk");
            assertThat(json(careLoop, e.afterState()).get("queue").asText()).isEqualTo("pharmacovigilance");
        });
    }

    @OnEveryDatabase
    void reclassifyingWithoutAReasonIsRefused(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.SERVICE_PROCESS, Severity.LOW);

        assertThatThrownBy(() -> careLoop.tickets().reclassify(t.number(), Category.ADVERSE_EVENT, null, " ", "supervisor", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(careLoop.tickets().find(t.number()).queue()).isEqualTo("service-desk");
    }

    // ---- the audit trail ----

    @OnEveryDatabase
    void everyChangeLeavesAnAuditEventWithActorActionBeforeAndAfter(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = open(careLoop, Category.CUSTOMER_RELATIONSHIP, Severity.LOW);
        var tickets = careLoop.tickets();
        tickets.claim(t.number(), "agent-a", null);
        tickets.reply(t.number(), "主管将回电。", "agent-a", null);
        tickets.note(t.number(), "customer sounded upset", "agent-a");
        tickets.reclassify(t.number(), null, Severity.MEDIUM, "repeated complaint", "supervisor", null);
        tickets.resolve(t.number(), "主管已回电致歉。", "agent-a", null);
        tickets.reopen(t.number(), "客户不满意", "supervisor", null);
        tickets.resolve(t.number(), null, "agent-a", null);
        tickets.close(t.number(), "supervisor", null);

        List<AuditEvent> trail = auditTrail(careLoop, t);

        assertThat(trail).extracting(AuditEvent::action).containsExactly("ticket.created", "ticket.classified",
                "ticket.claimed", "ticket.replied", "ticket.noted", "ticket.reclassified",
                "ticket.survey-invitation-not-sent", "ticket.resolved", "ticket.reopened",
                "ticket.survey-invitation-not-sent", "ticket.resolved", "ticket.closed");
        assertThat(trail).extracting(AuditEvent::actor).containsExactly("intake-test", "process", "agent-a", "agent-a",
                "agent-a", "supervisor", "process", "agent-a", "supervisor", "process", "agent-a", "supervisor");
        assertThat(trail.get(0).beforeState()).isNull();
        assertThat(json(careLoop, trail.get(0).afterState()).get("subject").asText()).isEqualTo(t.subject());
        assertThat(trail.subList(1, trail.size())).allSatisfy(e -> {
            assertThat(e.beforeState()).isNotNull();
            assertThat(e.afterState()).isNotNull();
            assertThat(e.occurredAt()).isNotNull();
            assertThat(e.entityType()).isEqualTo("ticket");
            assertThat(e.entityId()).isEqualTo(t.number());
        });
        List<String> statuses = new ArrayList<>();
        for (AuditEvent e : trail.subList(1, trail.size())) {
            statuses.add(json(careLoop, e.beforeState()).get("status").asText() + "→"
                    + json(careLoop, e.afterState()).get("status").asText());
        }
        // the survey invitation is recorded while resolving, before the status changes
        assertThat(statuses).containsExactly("new→new", "new→open", "open→open", "open→open", "open→open",
                "open→open", "open→resolved", "resolved→reopened", "reopened→reopened", "reopened→resolved",
                "resolved→closed");
        assertThat(tickets.view(t.number()).timeline()).filteredOn(e -> e.type().equals("audit"))
                .extracting(TimelineEntry::kind).contains("ticket.claimed", "ticket.closed");
    }

    // ---- helpers ----

    private static Ticket open(CareLoop careLoop, Category category, Severity severity) {
        return careLoop.intake().intake(Drafts.ticket(Drafts.unique("ticket"), category, severity), "api",
                Drafts.unique("k"), "intake-test").ticket();
    }

    private static Ticket resolvedTicket(CareLoop careLoop) {
        Ticket t = open(careLoop, Category.SERVICE_PROCESS, Severity.LOW);
        careLoop.tickets().claim(t.number(), "agent-a", null);
        return careLoop.tickets().resolve(t.number(), "done", "agent-a", null);
    }

    private static Task handleTask(CareLoop careLoop, Ticket t) {
        return careLoop.processEngine().getTaskService().createTaskQuery()
                .processInstanceId(t.processInstanceId()).taskDefinitionKey("handle").singleResult();
    }

    private static List<String> candidateGroups(CareLoop careLoop, Ticket t) {
        return careLoop.processEngine().getTaskService().getIdentityLinksForTask(handleTask(careLoop, t).getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /** The activities the ticket's process instance waits in, from Camunda's activity instance tree. */
    private static List<String> activities(CareLoop careLoop, Ticket t) {
        ActivityInstance root = careLoop.processEngine().getRuntimeService().getActivityInstance(t.processInstanceId());
        List<String> out = new ArrayList<>();
        if (root != null) {
            for (ActivityInstance child : root.getChildActivityInstances()) {
                out.add(child.getActivityId());
            }
        }
        return out;
    }

    private static List<AuditEvent> auditTrail(CareLoop careLoop, Ticket t) {
        return careLoop.transactions().read(s -> careLoop.audit().forEntity(s, "ticket", t.number()));
    }

    private static JsonNode json(CareLoop careLoop, String snapshot) {
        try {
            return careLoop.json().readTree(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
