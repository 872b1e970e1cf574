package io.careloop.engine.ticket;

import static io.careloop.engine.ticket.TicketWriter.requireOpen;
import static io.careloop.engine.ticket.TicketWriter.requireReason;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.TicketProcess;
import io.careloop.engine.sla.SlaTimers;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Classification of a ticket: the process's first one at intake and an agent's reclassification
 * with a reason, which decides priority, queue and the SLA due dates again (on the new queue's
 * calendar, charging the time already used).
 */
final class TicketReclassification {

    private final TicketWriter writer;
    private final TicketProcess process;
    private final TicketSla sla;
    private final Clock clock;
    /** Opens the quality complaint of a ticket that became product-quality (see TicketService's hook). */
    private final Supplier<Consumer<String>> qualityComplaints;

    TicketReclassification(TicketWriter writer, TicketProcess process, TicketSla sla,
                           Supplier<Consumer<String>> qualityComplaints) {
        this.writer = writer;
        this.process = process;
        this.sla = sla;
        this.clock = writer.clock();
        this.qualityComplaints = qualityComplaints;
    }

    Ticket reclassify(String number, Category category, Severity severity, String reason, String actor,
                      Integer expectedVersion) {
        if (category == null && severity == null) {
            throw new InvalidInputException("category", "give a new category, a new severity, or both");
        }
        String why = requireReason(reason);
        try {
            return writer.tx().write(outer -> {
                Ticket after = reclassified(number, category, severity, why, actor, expectedVersion);
                if (after.category() == Category.PRODUCT_QUALITY) {
                    qualityComplaints.get().accept(number);
                }
                return after;
            });
        } catch (OptimisticLockingException e) {
            throw new ConflictException("ticket " + number + " was changed by someone else; reload and try again", e);
        }
    }

    private Ticket reclassified(String number, Category category, Severity severity, String why, String actor,
                                Integer expectedVersion) {
        return writer.change(number, expectedVersion, actor, "ticket.reclassified", why, (t, before) -> {
            requireOpen(before);
            Customer customer = before.customerId() == null ? null : t.mapper(CustomerMapper.class).findById(before.customerId());
            Tier tier = customer == null ? null : customer.tier();
            Classification old = process.classify(before.category(), before.severity(), tier);
            Classification c = process.classify(category != null ? category : before.category(),
                    severity != null ? severity : before.severity(), tier);
            process.reclassified(before.processInstanceId(), c);
            // the time each clock has used counts against the new targets (waits stay credited, a
            // reopened ticket keeps its new resolution clock); the timers move, paused ones stay paused
            TicketSla.Plan plan = sla.replan(t, before, old, c, clock.instant());
            process.moveSlaTimers(before.processInstanceId(), plan.timers(), before.slaPaused());
            Ticket next = before.withClassification(c, plan.timers().firstResponseDue(), plan.timers().resolutionDue(),
                    plan.calendarCode(), clock.instant());
            // a safety category gets the pharmacovigilance review intake gives a suspected adverse event
            if (TicketService.SAFETY.contains(c.category()) && !Boolean.TRUE.equals(before.adverseEventSuspected())) {
                process.requestReview(before.processInstanceId());
                next = next.withPharmacovigilance(true, TicketService.PV_PENDING, before.regulatoryDue(), clock.instant());
            }
            return next;
        });
    }

    /** The process classified the ticket at intake: due dates from receipt, timers for the process. */
    SlaTimers classified(String ticketNumber, String processInstanceId, Classification classification,
                         boolean adverseEventSuspected) {
        SlaTimers[] timers = new SlaTimers[1];
        writer.change(ticketNumber, null, TicketService.PROCESS_ACTOR, "ticket.classified", null, (t, before) -> {
            Instant now = clock.instant();
            TicketSla.Plan plan = sla.plan(t, classification, before.receivedAt(), before.receivedAt());
            timers[0] = plan.timers();
            Ticket classified = before.withClassification(classification, plan.timers().firstResponseDue(),
                            plan.timers().resolutionDue(), plan.calendarCode(), now)
                    .withPharmacovigilance(adverseEventSuspected, adverseEventSuspected ? TicketService.PV_PENDING : null,
                            before.regulatoryDue(), now);
            // at intake the row is not linked yet: link it here, so that intake updates it once
            return before.processInstanceId() == null && processInstanceId != null
                    ? classified.withProcessInstance(processInstanceId) : classified;
        });
        return timers[0];
    }
}
