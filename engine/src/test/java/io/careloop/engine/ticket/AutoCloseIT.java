package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A resolved ticket nobody reopens closes itself after the auto-close period (P7D in tests). The
 * job executor is off in tests: the test moves both clocks past the timer and runs the job itself.
 */
class AutoCloseIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @OnEveryDatabase
    void aResolvedTicketNobodyReopensIsClosedByTheProcessWhenTheTimerFires(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        Ticket t = resolvedTicket(careLoop);
        ManagementService management = careLoop.processEngine().getManagementService();
        Job timer = management.createJobQuery().processInstanceId(t.processInstanceId()).timers().singleResult();
        assertThat(timer.getDuedate()).isInTheFuture();
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).executable().count()).isZero();

        // Given seven days passed without a reopen
        Instant later = timer.getDuedate().toInstant().plus(Duration.ofMinutes(1));
        ClockUtil.setCurrentTime(Date.from(later));
        clock.set(later);

        // When the job executor picks up the due timer
        Job due = management.createJobQuery().processInstanceId(t.processInstanceId()).timers().executable().singleResult();
        assertThat(due.getId()).isEqualTo(timer.getId());
        management.executeJob(due.getId());

        // Then the ticket is closed, by the process, and the process ended at "auto-closed"
        Ticket closed = careLoop.tickets().find(t.number());
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(later);
        List<AuditEvent> trail = careLoop.transactions().read(s -> careLoop.audit().forEntity(s, "ticket", t.number()));
        assertThat(trail).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ticket.closed");
            assertThat(e.actor()).isEqualTo("process");
            assertThat(e.reason()).isEqualTo("no reopen before the auto-close time");
        });
        HistoricProcessInstance history = careLoop.processEngine().getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(t.processInstanceId()).singleResult();
        assertThat(history.getEndActivityId()).isEqualTo("auto-closed");
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).count()).isZero();
    }

    @OnEveryDatabase
    void reopeningCancelsTheAutoCloseTimer(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = resolvedTicket(careLoop);
        ManagementService management = careLoop.processEngine().getManagementService();
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).timers().count()).isEqualTo(1);

        careLoop.tickets().reopen(t.number(), "客户说问题仍在", "agent-a", null);

        // only the SLA timers of the new handling task are left
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).activityId("auto-close").count())
                .isZero();
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).count()).isEqualTo(4);
        assertThat(careLoop.tickets().find(t.number()).status()).isEqualTo(TicketStatus.REOPENED);
    }

    private static Ticket resolvedTicket(CareLoop careLoop) {
        Ticket t = careLoop.intake().intake(Drafts.ticket(Drafts.unique("invoice copy"), Category.SERVICE_PROCESS,
                Severity.LOW), "api", Drafts.unique("k"), "agent-a").ticket();
        careLoop.tickets().claim(t.number(), "agent-a", null);
        return careLoop.tickets().resolve(t.number(), "Invoice copy sent by e-mail.", "agent-a", null);
    }
}
