package io.careloop.engine.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TimelineEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The survey window is configuration: survey-policy.dmn decides when the reminder goes out and when
 * the feedback loop closes without a response. Here a supervisor adds a row for phone tickets
 * (reminder after 12 hours, closed after 2 days) and a broken row for web tickets (a reminder after
 * the window), which leaves the defaults (3 and 7 days).
 */
class SurveyWindowIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @OnEveryDatabase
    void theWindowOfEachTicketComesFromTheSurveyPolicyTable(Kind db) {
        CareLoop c = careLoops.on(db);
        deployPolicyWithPhoneAndBrokenWebRows(c);
        ClockUtil.setCurrentTime(Date.from(NOW));
        careLoops.clock(db).set(NOW);

        Map<String, Object> phone = loopVariables(c, resolved(c, Channel.PHONE));
        assertThat(phone).containsEntry("surveyReminderAfter", "PT12H").containsEntry("surveyWaitAfterReminder", "PT36H")
                .containsEntry("surveyResponseWindow", "PT48H");
        Map<String, Object> email = loopVariables(c, resolved(c, Channel.EMAIL));
        assertThat(email).containsEntry("surveyReminderAfter", "PT72H").containsEntry("surveyResponseWindow", "PT168H");
        Map<String, Object> web = loopVariables(c, resolved(c, Channel.WEB));
        assertThat(web).as("a reminder after the window is refused: the defaults apply")
                .containsEntry("surveyReminderAfter", "PT72H").containsEntry("surveyResponseWindow", "PT168H");
    }

    @OnEveryDatabase
    void aPhoneTicketsLoopRemindsAfterTwelveHoursAndClosesAfterTwoDays(Kind db) {
        CareLoop c = careLoops.on(db);
        deployPolicyWithPhoneAndBrokenWebRows(c);
        ClockUtil.setCurrentTime(Date.from(NOW));
        careLoops.clock(db).set(NOW);
        Ticket t = resolved(c, Channel.PHONE);
        ProcessInstance loop = loop(c, t);
        ManagementService management = c.processEngine().getManagementService();

        Job reminder = management.createJobQuery().processInstanceId(loop.getId()).activityId("reminder-due").singleResult();
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(13))));
        management.executeJob(reminder.getId());

        Job close = management.createJobQuery().processInstanceId(loop.getId()).activityId("no-response").singleResult();
        assertThat(close.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(13 + 36)));
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(50))));
        management.executeJob(close.getId());

        assertThat(c.processEngine().getRuntimeService().createProcessInstanceQuery().processInstanceId(loop.getId()).count())
                .isZero();
        assertThat(c.tickets().view(t.number()).timeline()).filteredOn(e -> "ticket.survey-no-response".equals(e.kind()))
                .singleElement().satisfies(e -> assertThat(e.body()).contains("no survey response in 2 days"));
    }

    private static Ticket resolved(CareLoop c, Channel channel) {
        Ticket t = c.intake().intake(new TicketDraft(Drafts.unique("Order late"), "described", channel,
                Category.SERVICE_PROCESS, Severity.LOW, null, null, null, null, null), "api", Drafts.unique("k"),
                "agent-a").ticket();
        return c.tickets().resolve(t.number(), "Delivered today.", "agent-a", null);
    }

    private static ProcessInstance loop(CareLoop c, Ticket t) {
        return c.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(FeedbackService.PROCESS_KEY).processInstanceBusinessKey(t.number()).singleResult();
    }

    private static Map<String, Object> loopVariables(CareLoop c, Ticket t) {
        return c.processEngine().getRuntimeService().getVariables(loop(c, t).getId());
    }

    /** The bundled table with two rows above its default one, as a supervisor would deploy it. */
    private static void deployPolicyWithPhoneAndBrokenWebRows(CareLoop c) {
        String bundled;
        try (InputStream in = SurveyWindowIT.class.getClassLoader().getResourceAsStream("survey-policy.dmn")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rows = """
                <rule id="survey-policy-rule-phone">
                  <inputEntry id="phone-in-1"><text>"phone"</text></inputEntry>
                  <inputEntry id="phone-in-2"><text>-</text></inputEntry>
                  <inputEntry id="phone-in-3"><text>-</text></inputEntry>
                  <outputEntry id="phone-out-1"><text>"PT12H"</text></outputEntry>
                  <outputEntry id="phone-out-2"><text>"P2D"</text></outputEntry>
                </rule>
                <rule id="survey-policy-rule-web">
                  <inputEntry id="web-in-1"><text>"web"</text></inputEntry>
                  <inputEntry id="web-in-2"><text>-</text></inputEntry>
                  <inputEntry id="web-in-3"><text>-</text></inputEntry>
                  <outputEntry id="web-out-1"><text>"P9D"</text></outputEntry>
                  <outputEntry id="web-out-2"><text>"P7D"</text></outputEntry>
                </rule>
                <rule id="survey-policy-rule-1">""";
        c.processEngine().getRepositoryService().createDeployment().name("survey window test").enableDuplicateFiltering(true)
                .addString("survey-policy.dmn", bundled.replace("<rule id=\"survey-policy-rule-1\">", rows)).deploy();
    }
}
