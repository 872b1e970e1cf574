package io.careloop.engine.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.TicketView;
import io.careloop.plugin.api.CallRecord;
import io.careloop.plugin.api.CallRecord.Direction;
import io.careloop.plugin.api.CallRecord.Disposition;
import io.careloop.plugin.api.CustomerReply;
import io.careloop.plugin.api.InboundCustomer;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.SurveyResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine side of the items plugins hand in: calls, customer replies and survey responses
 * land on their tickets (or open one), once, whatever the number of deliveries.
 */
class InboundItemsIT {

    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void aCallWithNotesOpensATicketAndTheCallersNextCallLandsOnIt(Kind db) {
        CareLoop c = careLoops.on(db);
        InboundItems inbound = c.inbound();
        String phone = "139" + Math.abs(Drafts.unique("p").hashCode() % 100_000_000);
        String first = Drafts.unique("call");
        IntakeOutcome opened = inbound.accept("phone-log", call(first, phone, Disposition.ANSWERED,
                "患者服药后出现皮疹\n要求回电"), "plugin:phone-log");
        assertThat(opened.isAccepted()).isTrue();
        TicketView ticket = c.tickets().view(opened.ticketNumber());
        assertThat(ticket.ticket().subject()).isEqualTo("患者服药后出现皮疹");
        assertThat(ticket.ticket().channel().code()).isEqualTo("phone");
        assertThat(ticket.customer().phone()).isEqualTo(phone);
        assertThat(ticket.customer().name()).isEqualTo("钱医生");

        IntakeOutcome followUp = inbound.accept("phone-log", call(Drafts.unique("call"), phone, Disposition.ANSWERED,
                "回访：皮疹已消退"), "plugin:phone-log");
        assertThat(followUp.ticketNumber()).isEqualTo(opened.ticketNumber());
        assertThat(c.tickets().view(opened.ticketNumber()).timeline())
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("call");
                    assertThat(e.body()).contains("皮疹已消退");
                });
        // the same call again changes nothing
        long interactions = Rows.total(c, "interaction");
        assertThat(inbound.accept("phone-log", call(first, phone, Disposition.ANSWERED, "x"), "plugin:phone-log").isDuplicate())
                .isTrue();
        assertThat(Rows.total(c, "interaction")).isEqualTo(interactions);
    }

    @OnEveryDatabase
    void aMissedCallIsACallBackTaskOnceAndAnAnonymousOneIsOnlyCounted(Kind db) {
        CareLoop c = careLoops.on(db);
        String phone = "021" + Math.abs(Drafts.unique("p").hashCode() % 100_000_000);
        String id = Drafts.unique("missed");
        long tickets = Rows.total(c, "ticket");
        IntakeOutcome callBack = c.inbound().accept("phone-log", call(id, phone, Disposition.BUSY, null), "plugin:phone-log");
        assertThat(c.tickets().find(callBack.ticketNumber()).subject()).isEqualTo("回拨未接来电 Call back " + phone);
        assertThat(c.tickets().find(callBack.ticketNumber()).category().code()).isEqualTo("service-process");
        assertThat(c.inbound().accept("phone-log", call(id, phone, Disposition.BUSY, null), "plugin:phone-log").isDuplicate())
                .isTrue();
        IntakeOutcome anonymous = c.inbound().accept("phone-log", call(Drafts.unique("anon"), "anonymous",
                Disposition.FAILED, null), "plugin:phone-log");
        assertThat(anonymous.isAccepted()).isTrue();
        assertThat(anonymous.ticketNumber()).isNull();
        assertThat(Rows.total(c, "ticket")).isEqualTo(tickets + 1);
    }

    @OnEveryDatabase
    void aReplyFindsItsTicketByNumberOrByTheMessageItAnswersAndOtherwiseOpensOne(Kind db) {
        CareLoop c = careLoops.on(db);
        String original = "<" + Drafts.unique("m") + "@hospital.cn>";
        IntakeOutcome mail = c.inbound().accept("email", new NewTicket(original, "说明书缺页", "第3页缺失", "email", null,
                null, new InboundCustomer(null, null, "周医生", null, null, Drafts.unique("z") + "@hospital.cn", null),
                null, null, AT), "plugin:email");
        String number = mail.ticketNumber();

        CustomerReply byHeader = reply("<" + Drafts.unique("r") + "@hospital.cn>", null, original, "补充：批号 B123");
        assertThat(c.inbound().accept("email", byHeader, "plugin:email").ticketNumber()).isEqualTo(number);
        CustomerReply byNumber = reply("<" + Drafts.unique("r") + "@hospital.cn>", number, null, "谢谢");
        assertThat(c.inbound().accept("email", byNumber, "plugin:email").ticketNumber()).isEqualTo(number);
        // a reply to the reply threads through the reply's own message id
        CustomerReply deeper = reply("<" + Drafts.unique("r") + "@hospital.cn>", null, byHeader.messageId(), "还有问题");
        assertThat(c.inbound().accept("email", deeper, "plugin:email").ticketNumber()).isEqualTo(number);
        assertThat(c.tickets().view(number).timeline()).filteredOn(e -> "email".equals(e.kind())).hasSize(3);
        assertThat(c.inbound().accept("email", byNumber, "plugin:email").isDuplicate()).isTrue();

        CustomerReply stray = reply("<" + Drafts.unique("r") + "@hospital.cn>", null, "<unknown@nowhere>", "新问题");
        IntakeOutcome opened = c.inbound().accept("email", stray, "plugin:email");
        assertThat(opened.isAccepted()).isTrue();
        assertThat(opened.ticketNumber()).isNotEqualTo(number);
    }

    @OnEveryDatabase
    void aSurveyResponseIsRecordedAndCorrelatedWithTheContractVariablesWhenTheProcessWaits(Kind db) {
        CareLoop c = careLoops.on(db);
        String number = c.intake().intake(Drafts.ticket(Drafts.unique("survey"), Drafts.doctor("Dr S", null)), "api", null,
                "test").ticket().number();
        // a stand-in for the feedback loop (issue 3): a process waiting on message survey-response
        c.processEngine().getRepositoryService().createDeployment().addModelInstance("survey-wait.bpmn",
                Bpmn.createExecutableProcess("survey-wait").camundaHistoryTimeToLive(1).startEvent()
                        .intermediateCatchEvent().message("survey-response").userTask("after").endEvent().done()).deploy();
        ProcessInstance waiting = c.processEngine().getRuntimeService().startProcessInstanceByKey("survey-wait", number);
        try (var conn = c.database().dataSource().getConnection();
             var ps = conn.prepareStatement("UPDATE ticket SET process_instance_id = ? WHERE number = ?")) {
            ps.setString(1, waiting.getId());
            ps.setString(2, number);
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        String partialId = Drafts.unique("R_partial");
        assertThat(c.inbound().accept("survey-import", new SurveyResponse(partialId, number, null, null, null, null, false,
                AT, Map.of()), "plugin:survey-import").isAccepted()).isTrue();
        assertThat(c.processEngine().getRuntimeService().createProcessInstanceQuery().processInstanceId(waiting.getId())
                .activityIdIn("after").count()).isZero();

        IntakeOutcome done = c.inbound().accept("survey-import", new SurveyResponse(Drafts.unique("R"), number, 2, 3,
                "等了三天", true, true, AT, Map.of("2、满意度", "2")), "plugin:survey-import");
        assertThat(done.isAccepted()).isTrue();
        Map<String, Object> vars = c.processEngine().getRuntimeService().getVariables(waiting.getId());
        assertThat(vars).containsEntry("csat", 2).containsEntry("nps", 3).containsEntry("comment", "等了三天")
                .containsEntry("problemPersists", true).containsEntry("surveyCompleted", true);
        assertThat(c.processEngine().getTaskService().createTaskQuery().processInstanceId(waiting.getId())
                .taskDefinitionKey("after").count()).isEqualTo(1);
        assertThat(c.tickets().view(number).timeline()).filteredOn(e -> "survey".equals(e.kind()))
                .extracting(e -> e.body()).anySatisfy(t -> assertThat(t).contains("CSAT 2").contains("NPS 3"))
                .anySatisfy(t -> assertThat(t).startsWith("Partial survey response"));
    }

    @OnEveryDatabase
    void aSurveyForAnUnknownTicketOrWithAScoreOutOfRangeIsRejectedWithTheField(Kind db) {
        CareLoop c = careLoops.on(db);
        String number = c.intake().intake(Drafts.ticket(Drafts.unique("survey"), Drafts.doctor("Dr T", null)), "api", null,
                "test").ticket().number();
        IntakeOutcome unknown = c.inbound().accept("survey-import", new SurveyResponse(Drafts.unique("R"), "CL-2099-999999",
                5, 10, null, null, true, AT, Map.of()), "plugin:survey-import");
        assertThat(unknown.isRejected()).isTrue();
        assertThat(unknown.field()).isEqualTo("ticketNumber");
        assertThat(unknown.reason()).contains("CL-2099-999999");
        IntakeOutcome csat = c.inbound().accept("survey-import", new SurveyResponse(Drafts.unique("R"), number, 7, null,
                null, null, true, AT, Map.of()), "plugin:survey-import");
        assertThat(csat.field()).isEqualTo("csat");
        IntakeOutcome nps = c.inbound().accept("survey-import", new SurveyResponse(Drafts.unique("R"), number, null, 11,
                null, null, true, AT, Map.of()), "plugin:survey-import");
        assertThat(nps.field()).isEqualTo("nps");
        assertThat(c.tickets().view(number).timeline()).noneMatch(e -> "survey".equals(e.kind()));
    }

    @OnEveryDatabase
    void aCustomersReplyThroughAChannelResumesATicketWaitingOnThem(Kind db) {
        CareLoop c = careLoops.on(db);
        String number = c.intake().intake(Drafts.ticket(Drafts.unique("说明书"), Drafts.doctor("Dr W", null)), "api", null,
                "test").ticket().number();
        c.tickets().claim(number, "agent-a", null);
        c.tickets().waitOnCustomer(number, "asked for the batch number", "agent-a", null);
        assertThat(c.tickets().find(number).status().code()).isEqualTo("waiting");
        assertThat(c.tickets().find(number).slaPaused()).isTrue();

        c.inbound().accept("email", reply("<" + Drafts.unique("r") + "@hospital.cn>", number, null, "批号 B123"),
                "plugin:email");

        var after = c.tickets().find(number);
        assertThat(after.status().code()).isEqualTo("open");
        assertThat(after.slaPaused()).isFalse();
        assertThat(c.tickets().view(number).timeline()).extracting(e -> e.kind())
                .containsSubsequence("ticket.waiting", "ticket.customer-replied", "ticket.resumed");
    }

    @OnEveryDatabase
    void aSurveyImportedByThePluginTakesTheRestPathOpensTheFollowUpCallAndCountsOncePerResponseId(Kind db) {
        CareLoop c = careLoops.on(db);
        var t = c.intake().intake(Drafts.ticket(Drafts.unique("order late"), io.careloop.engine.ticket.Category.SERVICE_PROCESS,
                io.careloop.engine.ticket.Severity.LOW), "api", Drafts.unique("k"), "agent-a").ticket();
        c.tickets().claim(t.number(), "agent-a", null);
        c.tickets().resolve(t.number(), "re-shipped", "agent-a", null);
        String responseId = Drafts.unique("R");

        IntakeOutcome imported = c.inbound().accept("survey-import", new SurveyResponse(responseId, t.number(), 1, 2,
                "太慢了", false, true, AT, Map.of()), "plugin:survey-import");

        assertThat(imported.isAccepted()).isTrue();
        assertThat(c.feedback().followUpOpen(t.number())).isTrue();
        assertThat(c.tickets().view(t.number()).timeline()).extracting(e -> e.kind()).contains("ticket.survey-response");
        // the same response posted through the REST path is recognised by its source key
        assertThat(c.feedback().recordSurveyResponse(t.number(), 1, 2, "太慢了", false, true, responseId)).isFalse();
        assertThat(c.tickets().view(t.number()).timeline())
                .filteredOn(e -> "survey".equals(e.kind()) && "inbound".equals(e.direction())).hasSize(1);
        // and one recorded through REST first is a duplicate for the plugin
        String restFirst = Drafts.unique("R");
        c.feedback().recordSurveyResponse(t.number(), 5, 10, null, false, true, restFirst);
        assertThat(c.inbound().accept("survey-import", new SurveyResponse(restFirst, t.number(), 5, 10, null, false, true,
                AT, Map.of()), "plugin:survey-import").isDuplicate()).isTrue();
    }

    private static CallRecord call(String id, String phone, Disposition d, String notes) {
        return new CallRecord(id, Direction.INBOUND, phone, "4008001234", "钱医生", "8001", AT,
                d == Disposition.ANSWERED ? AT : null, AT.plusSeconds(60), 60, d, notes);
    }

    private static CustomerReply reply(String messageId, String ticketNumber, String inReplyTo, String body) {
        return new CustomerReply(messageId, "email", ticketNumber, messageId, inReplyTo, List.of(), null, "Re: 说明书", body,
                AT, List.of());
    }
}
