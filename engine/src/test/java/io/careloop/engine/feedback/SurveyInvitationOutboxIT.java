package io.careloop.engine.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.outbox.OutboxDispatcher;
import io.careloop.engine.outbox.OutboxMapper;
import io.careloop.engine.outbox.OutboxMessage;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.ReplyDelivery;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketStatus;
import io.careloop.engine.ticket.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The feedback loop's survey invitation goes through the outbox: queued in the resolving
 * transaction, sent after commit exactly once (two dispatchers, as on two nodes, race for it),
 * never for a resolution that rolled back, and a channel that throws neither fails the resolve nor
 * stops the loop: it is retried and at last shown as failed, as a reply is.
 */
class SurveyInvitationOutboxIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    private static final OutboxDispatcher.Policy POLICY =
            new OutboxDispatcher.Policy(3, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(10));
    private static final String INVITATION_START = "您的工单 ";

    /** What the channel was handed: the key, and the ticket's committed status as another connection reads it then. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<OutboxDispatcher> dispatchers = new ArrayList<>();
    private CareLoop wired;

    @AfterEach
    void unwire() {
        if (wired != null) {
            wired.feedback().sendSurveysThrough(wired.outbox());
        }
        dispatchers.forEach(OutboxDispatcher::close);
    }

    @OnEveryDatabase
    void theInvitationGoesOutOnceAfterTheResolutionCommitsEvenWithTwoNodesDispatching(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        OutboxDispatcher node1 = dispatcher(db);
        OutboxDispatcher node2 = dispatcher(db);
        String number = claimedTicket(careLoop);

        Ticket resolved = careLoop.tickets().resolve(number, "已补发", "agent-a", null);
        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);

        // the commit woke node 1; node 2 passes over the outbox at the same moment
        CountDownLatch go = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            await(go);
            node2.dispatchDue();
        });
        other.start();
        go.countDown();
        node1.dispatchDue();
        other.join(10_000);
        for (int i = 0; i < 200 && !"sent".equals(invitation(db, number).state()); i++) {
            Thread.sleep(50);
        }
        assertThat(node1.dispatchDue() + node2.dispatchDue()).isZero();
        assertThat(sent).as("handed to the channel once, after the resolution had committed")
                .singleElement().satisfies(s -> assertThat(s).startsWith("survey-invitation-").endsWith(" resolved"));
        ReplyDelivery d = invitation(db, number);
        assertThat(d.state()).isEqualTo("sent");
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(audit(careLoop, number)).contains("ticket.survey-invitation-queued", "ticket.survey-invited");
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM survey_fact f JOIN ticket t ON t.id = f.ticket_id "
                + "WHERE t.number = ? AND f.kind = 'invited'", number)).isEqualTo(1);
        assertThat(Rows.string(careLoop, "SELECT message_id FROM outbound_message WHERE ticket_number = ? "
                + "AND kind = 'survey-invitation'", number))
                .isEqualTo("<" + sent.get(0).split(" ")[0] + "@test>");
        assertThat(waitingForResponse(careLoop, number)).isTrue();
    }

    @OnEveryDatabase
    void theReminderGoesOutThroughTheOutboxAfterItsTimerJobCommits(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        OutboxDispatcher outbox = dispatcher(db);
        String number = claimedTicket(careLoop);
        careLoop.tickets().resolve(number, "已补发", "agent-a", null);
        outbox.dispatchDue();

        var management = careLoop.processEngine().getManagementService();
        String loop = careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(FeedbackService.PROCESS_KEY).processInstanceBusinessKey(number).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(loop).activityId("reminder-due").singleResult().getId());
        outbox.dispatchDue();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).startsWith("survey-reminder-");
        assertThat(audit(careLoop, number)).containsSubsequence("ticket.survey-invited", "ticket.survey-reminder-queued",
                "ticket.survey-reminded");
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM outbound_message WHERE ticket_number = ? AND state = 'sent' "
                + "AND kind = 'survey-reminder'", number)).isEqualTo(1);
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM survey_fact f JOIN ticket t ON t.id = f.ticket_id "
                + "WHERE t.number = ? AND f.kind = 'invited'", number)).as("a reminder is no second invitation").isEqualTo(1);
        assertThat(waitingForResponse(careLoop, number)).as("the loop waits for the response after the reminder").isTrue();
        assertThat(management.createJobQuery().processInstanceId(loop).activityId("no-response").count()).isEqualTo(1);
    }

    @OnEveryDatabase
    void aChannelThatThrowsDoesNotFailTheResolveAndIsRetriedUntilShownAsFailed(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        OutboxDispatcher outbox = dispatcher(db);
        MutableClock clock = careLoops.clock(db);
        failuresLeft.set(100);
        String number = claimedTicket(careLoop);

        Ticket resolved = careLoop.tickets().resolve(number, "已补发", "agent-a", null);

        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(waitingForResponse(careLoop, number)).as("the loop waits for the response as before").isTrue();
        outbox.dispatchDue();
        ReplyDelivery first = invitation(db, number);
        assertThat(first.state()).isEqualTo("queued");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isEqualTo("smtp down");
        clock.advance(Duration.ofSeconds(31));
        outbox.dispatchDue();
        clock.advance(Duration.ofSeconds(61));
        outbox.dispatchDue();
        ReplyDelivery last = invitation(db, number);
        assertThat(last.state()).isEqualTo("failed");
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(sent).isEmpty();
        assertThat(audit(careLoop, number)).doesNotContain("ticket.survey-invited");
        assertThat(careLoop.tickets().find(number).status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @OnEveryDatabase
    void aResolutionThatRollsBackAfterTheInvitationStepSendsNothingAndLeavesNoRow(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        OutboxDispatcher outbox = dispatcher(db);
        String number = claimedTicket(careLoop);

        // the feedback loop started and queued its invitation, then a later step of the same transaction failed
        assertThatThrownBy(() -> careLoop.transactions().write(t -> {
            careLoop.tickets().resolve(number, "已补发", "agent-a", null);
            assertThat(t.mapper(OutboxMapper.class).forTicket(number)).as("the invitation step ran")
                    .filteredOn(m -> OutboxMessage.SURVEY_INVITATION.equals(m.kind())).hasSize(1);
            throw new IllegalStateException("a later step failed");
        })).hasMessage("a later step failed");

        assertThat(outbox.dispatchDue()).isZero();
        assertThat(sent).isEmpty();
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM outbound_message WHERE ticket_number = ?", number)).isZero();
        assertThat(careLoop.tickets().find(number).status()).isNotEqualTo(TicketStatus.RESOLVED);
        assertThat(waitingForResponse(careLoop, number)).isFalse();
    }

    private OutboxDispatcher dispatcher(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        OutboxDispatcher outbox = new OutboxDispatcher(careLoop.transactions(), m -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("smtp down");
            }
            sent.add(m.idempotencyKey() + " " + careLoop.tickets().find(m.ticketNumber()).status().code());
            return new OutboxDispatcher.Sent("fake", "<" + m.idempotencyKey() + "@test>");
        }, channel -> true, careLoops.clock(db), POLICY);
        outbox.recordSentWith(careLoop.feedback()::recordSent);
        careLoop.feedback().sendSurveysThrough(outbox);
        dispatchers.add(outbox);
        wired = careLoop;
        return outbox;
    }

    private static String claimedTicket(CareLoop careLoop) {
        String number = careLoop.intake().intake(Drafts.ticket(Drafts.unique("survey outbox"), Drafts.doctor("郑医生",
                Drafts.unique("dr") + "@hospital.cn")), "api", null, "test").ticket().number();
        careLoop.tickets().claim(number, "agent-a", null);
        return number;
    }

    /** The invitation on the ticket's timeline, with how far it got, as a reply's is shown. */
    private static ReplyDelivery invitation(Kind db, String number) {
        List<TimelineEntry> timeline = careLoops.on(db).tickets().view(number).timeline();
        return timeline.stream()
                .filter(e -> "outbound".equals(e.direction()) && e.body() != null && e.body().startsWith(INVITATION_START))
                .map(TimelineEntry::delivery).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no invitation on the timeline " + timeline));
    }

    private static List<String> audit(CareLoop careLoop, String number) {
        return careLoop.tickets().view(number).timeline().stream().filter(e -> "audit".equals(e.type()))
                .map(TimelineEntry::kind).toList();
    }

    private static boolean waitingForResponse(CareLoop careLoop, String number) {
        return careLoop.processEngine().getRuntimeService().createExecutionQuery().processInstanceBusinessKey(number)
                .messageEventSubscriptionName(FeedbackService.MESSAGE).count() > 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
