package io.careloop.engine.testing;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.feedback.FeedbackService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Starts a CareLoop for a test, on a fresh database of the asked kind, with the job executor off. */
public final class TestCareLoop {

    private TestCareLoop() {
    }

    public static Settings settings(TestDatabases.Kind kind, String name) {
        TestDatabases.Db db = TestDatabases.fresh(kind, name);
        return new Settings(0, Path.of("target", "test-data"), db.url(), db.user(), db.password(), 24,
                Path.of("target", "test-plugins"), false, null, false, Duration.ofDays(7), Duration.ofMinutes(30),
                Duration.ofHours(12), 4);
    }

    public static CareLoop start(TestDatabases.Kind kind, String name) {
        return CareLoop.start(settings(kind, name), Clock.systemUTC());
    }

    public static CareLoop start(TestDatabases.Kind kind, String name, Clock clock) {
        return CareLoop.start(settings(kind, name), clock);
    }

    /**
     * Runs the survey invitations waiting for their job (the feedback loop sends them asynchronously,
     * after the resolution commits), as the job executor would; returns how many ran.
     */
    public static int sendSurveyInvitations(CareLoop careLoop, String ticketNumber) {
        var engine = careLoop.processEngine();
        int ran = 0;
        for (var loop : engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(FeedbackService.PROCESS_KEY).processInstanceBusinessKey(ticketNumber).list()) {
            for (var job : engine.getManagementService().createJobQuery().processInstanceId(loop.getId()).messages().list()) {
                engine.getManagementService().executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }
}
