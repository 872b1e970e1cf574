package io.careloop.engine.process;

import io.careloop.engine.ticket.Classification;

/** What ticket-lifecycle.bpmn tells the ticket service, through the {@code ticketProcess} bean. */
public interface ProcessCallbacks {

    /** The classify-ticket decision ran: store the classification and the SLA due dates. */
    void classified(String ticketNumber, Classification classification);

    /** The resolved ticket saw no reopen before the auto-close timer fired. */
    void autoClosed(String ticketNumber);
}
