package io.careloop.engine.process;

import io.careloop.engine.sla.SlaTimers;
import io.careloop.engine.ticket.Classification;

/** What ticket-lifecycle.bpmn tells the ticket service, through the {@code ticketProcess} bean. */
public interface ProcessCallbacks {

    /**
     * The classify-ticket decision ran: store the classification, the possible-adverse-event flag
     * and the SLA due dates, and link a ticket not linked yet to {@code processInstanceId} (at
     * intake: one update of the row instead of two); answers when the four SLA timers of "handle" fire.
     */
    SlaTimers classified(String ticketNumber, String processInstanceId, Classification classification,
                         boolean adverseEventSuspected);

    /** The resolved ticket saw no reopen before the auto-close timer fired. */
    void autoClosed(String ticketNumber);

    /** A warning timer fired: {@code clock} is {@code first-response} or {@code resolution}. */
    void slaWarning(String ticketNumber, String clock);

    /** A due date passed: escalate one step up the ladder. */
    void slaBreached(String ticketNumber, String clock);

    /** Pharmacovigilance completed its review of a possible adverse event. */
    void pvReviewed(String ticketNumber, String outcome, String reviewer);
}
