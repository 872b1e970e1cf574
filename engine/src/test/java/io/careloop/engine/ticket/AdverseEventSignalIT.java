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
