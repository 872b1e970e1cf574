package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text that suggests harm flags a ticket whatever its category, opens a pharmacovigilance review,
 * and keeps the ticket from closing until the review is done.
 */
class AdverseEventSignalIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void aDeliveryComplaintMentioningAHospitalStayCannotCloseBeforeTheReview(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = careLoop.intake().intake(new TicketDraft(Drafts.unique("配送延迟"), "药到晚了，我父亲吃了以后住院了",
                Channel.PHONE, Category.SERVICE_PROCESS, Severity.LOW, null, null, null, null, null), "api",
                Drafts.unique("k"), "agent-a").ticket();

        assertThat(t.category()).isEqualTo(Category.SERVICE_PROCESS);
        assertThat(t.queue()).isEqualTo("service-desk");
        assertThat(t.adverseEventSuspected()).isTrue();
        assertThat(t.pvReview()).isEqualTo(TicketService.PV_PENDING);
        assertThat(careLoop.tickets().view(t.number()).processActivities()).containsExactlyInAnyOrder("handle", "pv-review");

        careLoop.tickets().resolve(t.number(), "Delivery rescheduled.", "agent-a", null);
        assertThatThrownBy(() -> careLoop.tickets().close(t.number(), "agent-a", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("pharmacovigilance");
        assertThatThrownBy(() -> careLoop.tickets().reviewAdverseEvent(t.number(), "perhaps", "pv-wang", null))
                .isInstanceOf(InvalidInputException.class);

        Ticket reviewed = careLoop.tickets().reviewAdverseEvent(t.number(), TicketService.PV_CONFIRMED, "pv-wang", null);
        assertThat(reviewed.pvReview()).isEqualTo(TicketService.PV_CONFIRMED);
        assertThatThrownBy(() -> careLoop.tickets().reviewAdverseEvent(t.number(), TicketService.PV_CONFIRMED, "pv-wang", null))
                .isInstanceOf(ConflictException.class);
        Ticket closed = careLoop.tickets().close(t.number(), "agent-a", null);
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        java.util.List<io.careloop.engine.audit.AuditEvent> trail =
                careLoop.transactions().read(s -> careLoop.audit().forEntity(s, "ticket", t.number()));
        assertThat(trail).filteredOn(e -> e.action().equals("ticket.pv-reviewed"))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("pv-wang"));
    }

    @OnEveryDatabase
    void aConfirmedAdverseEventOpensACaseWhoseRegulatoryClockCountsFromDayZero(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        java.time.Instant day0 = careLoops.clock(db).instant().minus(java.time.Duration.ofHours(30));
        Ticket t = careLoop.intake().intake(new TicketDraft(Drafts.unique("rep visit"), "医生反映患者用药后出现严重皮疹并住院",
                Channel.VISIT, null, null, null, null, "Cardiolex 10mg", "22A17", day0), "api", Drafts.unique("k"),
                "rep-li").ticket();
        assertThat(t.receivedAt()).isEqualTo(day0);

        careLoop.tickets().reviewAdverseEvent(t.number(), TicketService.PV_CONFIRMED, "pv-wang", null);
        assertThat(careLoop.adverseEvents().openStep(t.number())).isEqualTo("assess");
        assertThatThrownBy(() -> careLoop.adverseEvents().completeStep(t.number(), "assess",
                java.util.Map.of("seriousness", "bad"), "pv-wang")).isInstanceOf(InvalidInputException.class);

        // serious, China: due 15 calendar days after Day 0, however late the assessment comes
        careLoop.adverseEvents().completeStep(t.number(), "assess", java.util.Map.of("seriousness", "serious",
                "causality", "probable", "patientIdentifiable", false, "reporterIdentifiable", true,
                "suspectProduct", true, "adverseEventDescribed", true), "pv-wang");
        Ticket clocked = careLoop.tickets().find(t.number());
        assertThat(clocked.regulatoryDue()).isEqualTo(day0.plus(java.time.Duration.ofDays(15)));
        assertThat(careLoop.adverseEvents().openStep(t.number())).isEqualTo("follow-up");

        careLoop.adverseEvents().completeStep(t.number(), "follow-up", java.util.Map.of("followUpNote",
                "reporter gave the patient's initials", "patientIdentifiable", true, "reporterIdentifiable", true,
                "suspectProduct", true, "adverseEventDescribed", true), "pv-wang");
        assertThat(careLoop.adverseEvents().openStep(t.number())).isEqualTo("submit");
        // the job executor fires the 50 % reminder and, later, the breach: the ticket escalates
        var management = careLoop.processEngine().getManagementService();
        String casePi = careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("adverse-event-case").processInstanceBusinessKey(t.number()).singleResult().getId();
        var reminder = management.createJobQuery().processInstanceId(casePi).activityId("reminder-50").singleResult();
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(day0.plus(java.time.Duration.ofHours(180)));
        management.executeJob(reminder.getId());
        management.executeJob(management.createJobQuery().processInstanceId(casePi).activityId("regulatory-breach")
                .singleResult().getId());
        assertThat(careLoop.tickets().find(t.number()).escalationLevel()).isEqualTo(1);
        careLoop.adverseEvents().completeStep(t.number(), "submit", java.util.Map.of("submissionRef", "NMPA-42"), "pv-wang");
        assertThat(careLoop.adverseEvents().openStep(t.number())).isNull();

        java.util.List<io.careloop.engine.audit.AuditEvent> trail =
                careLoop.transactions().read(s -> careLoop.audit().forEntity(s, "ticket", t.number()));
        assertThat(trail).extracting(io.careloop.engine.audit.AuditEvent::action).containsSubsequence(
                "ticket.pv-reviewed", "ticket.regulatory-clock-set", "ticket.adverse-event-follow-up",
                "ticket.regulatory-reminder", "ticket.escalated", "ticket.adverse-event-submitted");
    }

    @OnEveryDatabase
    void anOrdinaryQuestionIsNotFlagged(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Ticket t = careLoop.intake().intake(Drafts.ticket(Drafts.unique("invoice copy"), Category.SERVICE_PROCESS,
                Severity.LOW), "api", Drafts.unique("k"), "agent-a").ticket();

        assertThat(t.adverseEventSuspected()).isFalse();
        assertThat(t.pvReview()).isNull();
        careLoop.tickets().resolve(t.number(), "sent", "agent-a", null);
        assertThat(careLoop.tickets().close(t.number(), "agent-a", null).status()).isEqualTo(TicketStatus.CLOSED);
    }
}
