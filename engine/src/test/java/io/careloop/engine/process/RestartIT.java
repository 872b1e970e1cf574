package io.careloop.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.intake.IntakeResult;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketStatus;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default, H2 in file mode, across a restart: the data is there, the bundled
 * processes are not deployed again (duplicate filtering), numbering goes on, running processes
 * go on.
 */
class RestartIT {

    @Test
    void aRestartOnTheSameH2FileKeepsTicketsAndProcessesAndDeploysNothingNew(@TempDir Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.resolve("careloop") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        Settings settings = TestCareLoop.settings(TestDatabases.Kind.H2, "restart").withDatabase(url, "sa", "");
        MutableClock clock = new MutableClock(CareLoops.START);

        // Given a first start took in a ticket
        Ticket before;
        String deploymentId;
        try (CareLoop first = CareLoop.start(settings, clock)) {
            before = first.intake().intake(Drafts.ticket("订单延迟", Category.SERVICE_PROCESS, Severity.LOW), "email",
                    "<before-restart@mail>", "plugin:email").ticket();
            deploymentId = first.processEngine().getRepositoryService().createDeploymentQuery().singleResult().getId();
        }

        // When CareLoop starts again on the same file
        try (CareLoop second = CareLoop.start(settings, clock)) {
            ProcessEngine engine = second.processEngine();

            // Then the ticket and its waiting process are still there
            assertThat(second.tickets().find(before.number())).isEqualTo(before);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(before.processInstanceId())
                    .taskDefinitionKey("handle").count()).isEqualTo(1);

            // And the unchanged processes were not deployed again
            assertThat(engine.getRepositoryService().createDeploymentQuery().list()).singleElement()
                    .satisfies(d -> assertThat(d.getId()).isEqualTo(deploymentId));
            List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(TicketProcess.PROCESS_KEY).list();
            assertThat(definitions).singleElement().satisfies(d -> assertThat(d.getVersion()).isEqualTo(1));
            assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("classify-ticket")
                    .list()).singleElement().satisfies(d -> assertThat(d.getVersion()).isEqualTo(1));

            // And intake goes on numbering where it was, and knows what it took in before
            Ticket after = second.intake().intake(Drafts.ticket("Invoice copy", Category.SERVICE_PROCESS, Severity.LOW),
                    "email", "<after-restart@mail>", "plugin:email").ticket();
            assertThat(after.number()).isNotEqualTo(before.number());
            assertThat(sequence(after)).isGreaterThan(sequence(before));
            IntakeResult again = second.intake().intake(Drafts.ticket("订单延迟", Category.SERVICE_PROCESS, Severity.LOW),
                    "email", "<before-restart@mail>", "plugin:email");
            assertThat(again.duplicate()).isTrue();
            assertThat(again.ticket().number()).isEqualTo(before.number());

            // And the process from before the restart still moves
            second.tickets().claim(before.number(), "agent-a", null);
            assertThat(second.tickets().resolve(before.number(), "已发货", "agent-a", null).status())
                    .isEqualTo(TicketStatus.RESOLVED);
        }
    }

    private static long sequence(Ticket t) {
        return Long.parseLong(t.number().substring(t.number().lastIndexOf('-') + 1));
    }
}
