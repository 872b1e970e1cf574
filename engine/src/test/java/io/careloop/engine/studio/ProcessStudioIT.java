package io.careloop.engine.studio;

import static io.careloop.engine.studio.Diagrams.lifecycle;
import static io.careloop.engine.studio.Diagrams.lifecycleWithCheckTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.error.ForbiddenException;
import io.careloop.engine.error.ReasonRequiredException;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying a supervisor's version: audited with its comment, followed by new tickets while old
 * ones stay on their version until migrated; rollback, diff, the monitor; and a restart that keeps
 * the studio's version.
 */
class ProcessStudioIT {

    private static final String KEY = "ticket-lifecycle";

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    private static StudioFile file(String xml) {
        return new StudioFile(Diagrams.LIFECYCLE, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Ticket ticket(CareLoop c, String subject) {
        return c.intake().intake(Drafts.ticket(subject, Category.SERVICE_PROCESS, Severity.LOW), "email",
                "<" + subject + "@studio>", "plugin:email").ticket();
    }

    private static String definitionOf(CareLoop c, Ticket t) {
        return c.processEngine().getRuntimeService().createProcessInstanceQuery().processInstanceId(t.processInstanceId())
                .singleResult().getProcessDefinitionId();
    }

    @OnEveryDatabase
    void aNewVersionIsFollowedByNewTicketsWhileOldOnesStayUntilMigrated(Kind db) {
        CareLoop c = careLoops.on(db);
        ProcessStudio studio = c.studio();
        Ticket old = ticket(c, "old-" + db);
        int before = studio.version(KEY, null).version();

        // When a supervisor deploys ticket-lifecycle with one more user task
        List<ProcessVersion> deployed = studio.deploy(List.of(file(lifecycleWithCheckTask())), "add a reply check",
                "sv-anna", false, false);

        // Then it is the next version, with who and why, in the list, in our table and in the audit trail
        assertThat(deployed).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo(KEY);
            assertThat(v.version()).isEqualTo(before + 1);
            assertThat(v.deployedBy()).isEqualTo("sv-anna");
            assertThat(v.comment()).isEqualTo("add a reply check");
        });
        ProcessVersion latest = studio.version(KEY, null);
        assertThat(latest.version()).isEqualTo(before + 1);
        assertThat(latest.deployedBy()).isEqualTo("sv-anna");
        assertThat(studio.list()).anySatisfy(item -> {
            assertThat(item.get("key")).isEqualTo(KEY);
            assertThat(item.get("latestVersion")).isEqualTo(before + 1);
            assertThat(item.get("comment")).isEqualTo("add a reply check");
        });
        assertThat(Rows.count(c, "SELECT COUNT(*) FROM audit_event WHERE action = 'process.deployed' AND actor = 'sv-anna'"
                + " AND entity_id = ? AND reason = 'add a reply check'", latest.deploymentId())).isEqualTo(1);
        assertThat(studio.xml(KEY, null)).contains("check-reply");

        // And a new ticket starts on it, while the old one stays on its version
        Ticket fresh = ticket(c, "new-" + db);
        assertThat(definitionOf(c, fresh)).isEqualTo(latest.definitionId());
        assertThat(definitionOf(c, old)).isNotEqualTo(latest.definitionId());
        int oldVersion = c.processEngine().getRepositoryService().getProcessDefinition(definitionOf(c, old)).getVersion();

        // When the migration is previewed, then the old ticket can move (its task exists in the new version)
        Migrations.Preview preview = c.migrations().preview(KEY, oldVersion, before + 1);
        assertThat(preview.planErrors()).isEmpty();
        assertThat(preview.instances()).isGreaterThanOrEqualTo(1);
        assertThat(preview.cannotMigrate()).isEmpty();
        assertThat(preview.instructions()).contains(Map.of("from", "handle", "to", "handle"));
        assertThat(definitionOf(c, old)).as("a preview moves nothing").isNotEqualTo(latest.definitionId());

        // When it runs as a batch, then the old ticket is on the new version and can be worked on
        Migrations.Status started = c.migrations().start(KEY, oldVersion, before + 1, "sv-anna", "move to the reply check");
        assertThat(started.state()).isEqualTo("running");
        Batches.runToEnd(c.processEngine(), started.batchId());
        Migrations.Status done = c.migrations().status(KEY, started.batchId());
        assertThat(done.state()).isEqualTo("completed");
        assertThat(done.stillOnFromVersion()).isZero();
        assertThat(definitionOf(c, old)).isEqualTo(latest.definitionId());
        c.tickets().claim(old.number(), "agent-a", null);
        c.tickets().resolve(old.number(), "done", "agent-a", null);
        assertThat(c.processEngine().getTaskService().createTaskQuery().processInstanceId(old.processInstanceId())
                .taskDefinitionKey("check-reply").count()).isEqualTo(1);

        // And the monitor shows the new ticket waiting at "handle", on track
        Map<String, Object> monitor = c.monitor().monitor(KEY, before + 1);
        @SuppressWarnings("unchecked")
        List<ProcessMonitor.ActivityState> activities = (List<ProcessMonitor.ActivityState>) monitor.get("activities");
        assertThat(activities).anySatisfy(a -> {
            assertThat(a.activityId()).isEqualTo("handle");
            assertThat(a.active()).isGreaterThanOrEqualTo(1);
            assertThat(a.onTrack()).isGreaterThanOrEqualTo(1);
        });
        assertThat(activities).anySatisfy(a -> assertThat(a.activityId()).isEqualTo("check-reply"));
    }

    @OnEveryDatabase
    void aRollbackRedeploysAnOldVersionAndTheDiffNamesWhatChanged(Kind db) {
        CareLoop c = careLoops.on(db);
        ProcessStudio studio = c.studio();
        int v1 = 1; // the bundled version (other tests of the class deploy versions of their own)
        int v2 = studio.deploy(List.of(file(lifecycleWithCheckTask())), "check", "sv-bo", false, false).get(0).version();

        ProcessDiff.Result diff = studio.diff(KEY, v1, v2);
        assertThat(diff.added()).extracting(ProcessDiff.Change::id).containsExactlyInAnyOrder("check-reply", "flow-checked");
        assertThat(diff.added()).anySatisfy(ch -> assertThat(ch).isEqualTo(
                new ProcessDiff.Change("check-reply", "userTask", "Check the reply")));
        assertThat(diff.changed()).extracting(ProcessDiff.Change::id).contains("flow-handled", "start-feedback-loop");
        assertThat(diff.removed()).isEmpty();

        List<ProcessVersion> rolledBack = studio.rollback(KEY, v1, "the check slowed the team down", "sv-bo", false);
        assertThat(rolledBack).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(v2 + 1);
            assertThat(v.rollbackOf()).isEqualTo(v1);
        });
        assertThat(studio.xml(KEY, v2 + 1)).isEqualTo(studio.xml(KEY, v1));
        assertThat(studio.diff(KEY, v2, v2 + 1).removed()).extracting(ProcessDiff.Change::id).contains("check-reply");
        assertThat(Rows.count(c, "SELECT COUNT(*) FROM audit_event WHERE action = 'process.rolled-back' AND actor = 'sv-bo'"))
                .isEqualTo(1);
    }

    @Test
    void aCommentIsRequiredAndOnlyAnAdminMayRemoveTheAdverseEventPath() {
        CareLoop c = careLoops.on(Kind.H2);
        assertThatThrownBy(() -> c.studio().deploy(List.of(file(lifecycle())), " ", "sv", false, false))
                .isInstanceOf(ReasonRequiredException.class);
        String withoutReview = Diagrams.edit(lifecycle(), "camunda:candidateGroups=\"pharmacovigilance\"",
                "camunda:candidateGroups=\"quality\"");
        assertThatThrownBy(() -> c.studio().deploy(List.of(file(withoutReview)), "drop review", "sv", false, true))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> c.studio().deploy(List.of(file(withoutReview)), "drop review", "sv", false, false))
                .isInstanceOf(DeploymentRejectedException.class);
        ProcessVersion v = c.studio().deploy(List.of(file(withoutReview)), "drop review", "admin-x", true, true).get(0);
        assertThat(v.adverseEventOverride()).isTrue();
        assertThat(Rows.count(c, "SELECT COUNT(*) FROM audit_event WHERE action = 'process.deployed-with-override'"
                + " AND actor = 'admin-x'")).isEqualTo(1);
        c.studio().rollback(KEY, v.version() - 1, "restore the review", "admin-x", true);
    }

    @Test
    void aRestartKeepsTheStudiosVersion(@TempDir Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.resolve("careloop") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        Settings settings = TestCareLoop.settings(TestDatabases.Kind.H2, "studio-restart").withDatabase(url, "sa", "");
        MutableClock clock = new MutableClock(CareLoops.START);
        int deployed;
        long deployments;
        try (CareLoop first = CareLoop.start(settings, clock)) {
            deployed = first.studio().deploy(List.of(file(lifecycleWithCheckTask())), "v2", "sv", false, false)
                    .get(0).version();
            deployments = first.processEngine().getRepositoryService().createDeploymentQuery().count();
        }
        try (CareLoop second = CareLoop.start(settings, clock)) {
            ProcessEngine engine = second.processEngine();
            assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(second.studio().version(KEY, null).version()).isEqualTo(deployed).isEqualTo(2);
            assertThat(second.studio().version(KEY, null).deployedBy()).isEqualTo("sv");
            Ticket t = ticket(second, "after-restart");
            assertThat(engine.getRepositoryService().getProcessDefinition(definitionOf(second, t)).getVersion()).isEqualTo(2);
        }
    }
}
