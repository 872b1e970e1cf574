package io.careloop.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.outbox.OutboxDispatcher;
import io.careloop.engine.plugin.testplugins.OutboxChannel;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey invitations go out through the outbox and the plugin serving the ticket's channel, or are
 * recorded as not sent.
 */
class OutboundIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @TempDir
    Path tmp;

    @OnEveryDatabase
    void anInvitationGoesThroughTheTicketsChannelAfterTheResolutionAndItsMessageIdIsRecorded(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));
        String id = Drafts.unique("mail");
        PluginJars.write(dir, id, "1.0.0", ">=1.0.0 & <2.0.0", OutboxChannel.class);
        String email = Drafts.unique("dr") + "@hospital.cn";
        String number = careLoop.intake().intake(Drafts.ticket(Drafts.unique("invite"), Drafts.doctor("周医生", email)),
                "api", null, "test").ticket().number();
        try (Hosted h = Hosted.over(careLoop, careLoops.clock(db), dir, PluginHost.Limits.defaults());
             OutboxDispatcher dispatcher = wiredTo(careLoop, h, db)) {
            h.host().settingsStore().update(id, h.host().schema(id), Map.of("outbox", outbox.toString()), "integrator");
            careLoop.tickets().claim(number, "agent-a", null);
            careLoop.tickets().resolve(number, "已补发", "agent-a", null);
            dispatcher.dispatchDue(); // or the commit's wake did already
            for (int i = 0; i < 200 && !Files.exists(outbox.resolve(number + ".txt")); i++) {
                Thread.sleep(50);
            }
        } finally {
            careLoop.feedback().sendSurveysThrough(careLoop.outbox());
        }
        String sent = Files.readString(outbox.resolve(number + ".txt"), StandardCharsets.UTF_8);
        assertThat(sent).startsWith("SURVEY_INVITATION\n" + email).contains("[" + number + "] 满意度调查 / How did we do?")
                .contains("please take a minute to rate our service");
        assertThat(Rows.string(careLoop, "SELECT i.external_id FROM interaction i JOIN ticket t ON t.id = i.ticket_id "
                + "WHERE t.number = ? AND i.direction = 'outbound' AND i.external_id IS NOT NULL", number))
                .isEqualTo("<" + number + ".survey@careloop.test>");
        assertThat(Rows.string(careLoop, "SELECT state FROM outbound_message WHERE ticket_number = ? AND kind = 'survey-invitation'",
                number)).isEqualTo("sent");
    }

    private static OutboxDispatcher wiredTo(CareLoop careLoop, Hosted h, Kind db) {
        Outbound outbound = new Outbound(h.host(), h.calls(), careLoop.transactions(), Duration.ofSeconds(30));
        OutboxDispatcher dispatcher = new OutboxDispatcher(careLoop.transactions(), outbound::sendQueued, outbound::serves,
                careLoops.clock(db), OutboxDispatcher.Policy.DEFAULTS);
        dispatcher.recordSentWith(careLoop.feedback()::recordSent);
        careLoop.feedback().sendSurveysThrough(dispatcher);
        return dispatcher;
    }

    @OnEveryDatabase
    void theBpmnBeanRecordsAnInvitationAsNotSentWhenNoPluginServesTheChannel(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String number = careLoop.intake().intake(Drafts.ticket(Drafts.unique("invite"), Drafts.doctor("吴医生", null)),
                "api", null, "test").ticket().number();
        careLoop.processEngine().getRepositoryService().createDeployment().addModelInstance("invite.bpmn",
                Bpmn.createExecutableProcess("invite").camundaHistoryTimeToLive(1).startEvent().serviceTask()
                        .camundaExpression("${outbound.sendSurveyInvitation(execution)}").endEvent().done()).deploy();
        careLoop.processEngine().getRuntimeService().startProcessInstanceByKey("invite", number);
        assertThat(careLoop.tickets().view(number).timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("survey");
            assertThat(e.body()).isEqualTo("survey-invitation not sent: no plugin serves channel email");
        });
    }
}
