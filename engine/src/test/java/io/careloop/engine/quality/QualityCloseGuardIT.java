package io.careloop.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A product-quality ticket cannot close, by hand or by the auto-close timer, while its quality
 * complaint (investigation, sample return, CAPA) still runs; once quality has finished, it can.
 */
class QualityCloseGuardIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @OnEveryDatabase
    void closingByHandIsRefusedUntilTheInvestigationIsDone(Kind db) {
        CareLoop c = careLoops.on(db);
        String n = resolvedComplaint(c);

        assertThatThrownBy(() -> c.tickets().close(n, "customer satisfied", "agent-a", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("quality complaint still running")
                .hasMessageContaining("investigate");

        // nothing changed: the ticket is resolved and its lifecycle still waits at "resolved"
        Ticket t = c.tickets().find(n);
        assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(c.tickets().view(n).processActivities()).contains("resolved");

        investigate(c, n);
        assertThat(c.tickets().close(n, "customer satisfied", "agent-a", null).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(c.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(t.processInstanceId()).singleResult().getEndActivityId()).isEqualTo("closed");
    }

    @OnEveryDatabase
    void theAutoCloseTimerWaitsAnotherPeriodWhileQualityInvestigates(Kind db) {
        CareLoop c = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        String n = resolvedComplaint(c);
        Ticket t = c.tickets().find(n);
        ManagementService management = c.processEngine().getManagementService();

        fireAutoClose(c, clock, t);

        // the ticket stays resolved and a new auto-close period starts
        assertThat(c.tickets().find(n).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(management.createJobQuery().processInstanceId(t.processInstanceId()).activityId("auto-close").count())
                .isEqualTo(1);
        assertThat(c.tickets().view(n).processActivities()).contains("resolved");

        investigate(c, n);
        fireAutoClose(c, clock, t);

        assertThat(c.tickets().find(n).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(c.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(t.processInstanceId()).singleResult().getEndActivityId()).isEqualTo("auto-closed");
    }

    private static void fireAutoClose(CareLoop c, MutableClock clock, Ticket t) {
        ManagementService management = c.processEngine().getManagementService();
        Job timer = management.createJobQuery().processInstanceId(t.processInstanceId()).activityId("auto-close")
                .singleResult();
        Instant later = timer.getDuedate().toInstant().plus(Duration.ofMinutes(1));
        ClockUtil.setCurrentTime(Date.from(later));
        clock.set(later);
        management.executeJob(timer.getId());
    }

    /** A product-quality ticket with its details recorded (no sample back), resolved: quality still investigates. */
    static String resolvedComplaint(CareLoop c) {
        String n = QualityComplaintIT.complaint(c);
        c.qualityComplaints().recordDetails(n, io.careloop.engine.testing.Drafts.unique("Tablets"), "C9", null, false,
                "customer call", "agent-a");
        c.tickets().claim(n, "agent-a", null);
        c.tickets().resolve(n, "Replacement pack sent; quality investigates the lot.", "replacement sent", "agent-a", null);
        return n;
    }

    static void investigate(CareLoop c, String n) {
        QualityComplaintView v = c.qualityComplaints().completeStep(n, "investigate",
                Map.of("findings", "seal defect", "rootCause", "sealing temperature", "confirmed", true),
                "lab report QC-9", "quality-q");
        assertThat(v.status()).isEqualTo("closed");
    }
}
