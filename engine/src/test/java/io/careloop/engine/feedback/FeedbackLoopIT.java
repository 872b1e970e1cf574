package io.careloop.engine.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketStatus;
import io.careloop.engine.ticket.TimelineEntry;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The feedback loop after resolution through FeedbackService, on H2 and PostgreSQL. */
class FeedbackLoopIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void aCustomerWhoseProblemPersistsReopensTheTicketAndGetsAFollowUpCall(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = resolved(careLoop);

        boolean recorded = careLoop.feedback().recordSurveyResponse(t.number(), 3, 5, "还是打不开包装", true, true,
                Drafts.unique("survey"));

        assertThat(recorded).isTrue();
        Ticket after = careLoop.tickets().find(t.number());
        assertThat(after.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(careLoop.feedback().followUpOpen(t.number())).isTrue();
        assertThat(careLoop.tickets().view(t.number()).timeline()).extracting(TimelineEntry::kind)
                .containsSubsequence("ticket.survey-response", "ticket.reopened");
    }

    @OnEveryDatabase
    void aPartialResponseIsRecordedButLeavesTheLoopWaiting(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = resolved(careLoop);

        careLoop.feedback().recordSurveyResponse(t.number(), 1, null, null, null, false, null);

        assertThat(careLoop.feedback().followUpOpen(t.number())).isFalse();
        assertThat(careLoop.processEngine().getRuntimeService().createExecutionQuery()
                .processInstanceBusinessKey(t.number()).messageEventSubscriptionName(FeedbackService.MESSAGE).count())
                .isEqualTo(1);
        assertThat(careLoop.tickets().view(t.number()).timeline()).extracting(TimelineEntry::body)
                .anySatisfy(b -> assertThat(b).startsWith("Partial survey response: CSAT 1"));
    }

    @OnEveryDatabase
    void aResponseAfterTheTicketClosedAndTheLoopEndedStillOpensAFollowUpCall(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = resolved(careLoop);
        careLoop.feedback().recordSurveyResponse(t.number(), 5, 10, "thanks", false, true, null);
        assertThat(careLoop.feedback().followUpOpen(t.number())).isFalse();
        careLoop.tickets().close(t.number(), "agent-a", null);

        careLoop.feedback().recordSurveyResponse(t.number(), 1, 0, "changed my mind", null, true, null);

        assertThat(careLoop.feedback().followUpOpen(t.number())).isTrue();
        careLoop.feedback().completeFollowUp(t.number(), "called back", "supervisor-s");
        assertThat(careLoop.feedback().followUpOpen(t.number())).isFalse();
        assertThat(careLoop.tickets().find(t.number()).status()).isEqualTo(TicketStatus.CLOSED);
    }

    private static Ticket resolved(CareLoop careLoop) {
        Ticket t = careLoop.intake().intake(Drafts.ticket(Drafts.unique("order late"), Category.SERVICE_PROCESS,
                Severity.LOW), "api", Drafts.unique("k"), "agent-a").ticket();
        careLoop.tickets().claim(t.number(), "agent-a", null);
        return careLoop.tickets().resolve(t.number(), "re-shipped", "agent-a", null);
    }
}
