package io.careloop.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Ticket;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What intake leaves in Camunda's history and in the ticket row since the intake transaction was
 * made cheaper: every task and event of ticket-lifecycle is in the activity history, the gateways
 * that only route are not, and the ticket row is written once after its insert (classified and
 * linked to its process in one update).
 */
class IntakeHistoryIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void theHistoryKeepsTasksAndEventsButNoRoutingGateways(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = careLoop.intake().intake(new TicketDraft("Rash after Cardiolex 服药后皮疹", "A rash on both arms since Monday.",
                Channel.EMAIL, null, null, null, null, "Cardiolex 10 mg", null, null), "api", Drafts.unique("h"), "agent-a").ticket();

        List<HistoricActivityInstance> history = careLoop.processEngine().getHistoryService()
                .createHistoricActivityInstanceQuery().processInstanceId(t.processInstanceId()).list();
        assertThat(history).extracting(HistoricActivityInstance::getActivityId)
                .contains("received", "categorise", "default-severity", "detect-adverse-event", "classify",
                        "apply-classification", "handle");
        assertThat(history).extracting(HistoricActivityInstance::getActivityType)
                .doesNotContain("exclusiveGateway", "parallelGateway", "inclusiveGateway");
        assertThat(careLoop.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(t.processInstanceId()).singleResult().getBusinessKey()).isEqualTo(t.number());

        // the built-in level's id and name: a database made before keeps working, and queries see "activity"
        var cfg = (ProcessEngineConfigurationImpl) careLoop.processEngine().getProcessEngineConfiguration();
        assertThat(cfg.getHistoryLevel()).isInstanceOf(ActivityHistoryWithoutGateways.class);
        assertThat(cfg.getHistoryLevel().getId()).isEqualTo(org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_ACTIVITY.getId());
        assertThat(cfg.getHistory()).isEqualTo(ProcessEngineConfiguration.HISTORY_ACTIVITY);
    }

    @OnEveryDatabase
    void intakeClassifiesAndLinksTheTicketInOneUpdate(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = careLoop.intake().intake(new TicketDraft("Order not delivered", "Forty boxes ordered on the 3rd.",
                Channel.WEB, null, null, null, null, null, null, null), "api", Drafts.unique("v"), "agent-a").ticket();

        Ticket stored = careLoop.tickets().find(t.number());
        assertThat(stored.processInstanceId()).isNotNull().isEqualTo(t.processInstanceId());
        assertThat(stored.queue()).isNotNull();
        assertThat(stored.resolutionDue()).isNotNull();
        assertThat(stored.version()).as("inserted at 0, classified and linked at 1").isEqualTo(1);
        assertThat(careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(stored.processInstanceId()).singleResult().getBusinessKey()).isEqualTo(t.number());
    }
}
