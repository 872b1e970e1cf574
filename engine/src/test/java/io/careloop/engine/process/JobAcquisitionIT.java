package io.careloop.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job executor's acquisition as EngineSetup configures it (docs/operations.md, "Job executor"):
 * every job has a due date and due jobs are taken oldest due first, the order of the due-date index.
 */
class JobAcquisitionIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void dueSlaTimersAreAcquiredOldestFirstAndAJobWithoutADueDateIsDatedAtStartInsteadOfLeftBehind(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        ManagementService management = careLoop.processEngine().getManagementService();
        Instant now = Instant.now();

        // Given eight tickets whose first-response warning fell due 1 to 8 minutes ago
        List<String> oldestFirst = new ArrayList<>();
        for (int minutes = 8; minutes >= 1; minutes--) {
            String job = warningJob(careLoop, "overdue " + minutes);
            management.setJobDuedate(job, Date.from(now.minus(Duration.ofMinutes(minutes))));
            oldestFirst.add(job);
        }
        // and a job made 20 minutes ago without a due date (by an older node: a message job had none)
        String undated = warningJob(careLoop, "undated");
        try (Connection c = careLoop.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL, CREATE_TIME_ = ? WHERE ID_ = ?")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(Duration.ofMinutes(20))));
            ps.setString(2, undated);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        // When a node starts (EngineSetup dates such jobs) and its job executor acquires five jobs
        assertThat(EngineSetup.dateJobsWithoutDueDate(careLoop.database().dataSource())).isEqualTo(1);
        assertThat(management.createJobQuery().jobId(undated).singleResult().getDuedate())
                .isEqualTo(Date.from(now.minus(Duration.ofMinutes(20)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        List<String> acquired = acquire(careLoop, 5);

        // Then it takes the formerly undated job (made first) and the four timers due longest ago
        assertThat(acquired).containsExactlyInAnyOrder(undated, oldestFirst.get(0), oldestFirst.get(1), oldestFirst.get(2),
                oldestFirst.get(3));
        // and the next acquisition the rest of what is due, not the tickets' timers due a day ahead
        assertThat(acquire(careLoop, 16)).containsExactlyInAnyOrderElementsOf(oldestFirst.subList(4, 8));
    }

    /**
     * A new ticket's first-response warning job; its three other SLA timers are moved a day ahead (the
     * test clock of CareLoops lies months before the engine's, so they would be due already).
     */
    private static String warningJob(CareLoop careLoop, String subject) {
        String instance = careLoop.intake().intake(Drafts.ticket(Drafts.unique(subject), Category.SERVICE_PROCESS, Severity.LOW),
                "api", Drafts.unique("acquisition"), "test").ticket().processInstanceId();
        ManagementService management = careLoop.processEngine().getManagementService();
        Date tomorrow = Date.from(Instant.now().plus(Duration.ofDays(1)));
        management.createJobQuery().processInstanceId(instance).list().forEach(j -> management.setJobDuedate(j.getId(), tomorrow));
        return management.createJobQuery().processInstanceId(instance).activityId("first-response-warning").singleResult().getId();
    }

    private static List<String> acquire(CareLoop careLoop, int jobs) {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) careLoop.processEngine().getProcessEngineConfiguration();
        AcquiredJobs acquired = cfg.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(cfg.getJobExecutor(), jobs));
        List<String> ids = new ArrayList<>();
        acquired.getJobIdBatches().forEach(ids::addAll);
        return ids;
    }
}
