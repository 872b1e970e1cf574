package io.careloop.engine.ticket;

import io.careloop.engine.customer.Customer;
import java.util.List;

/** A ticket with what an agent needs beside it: the customer, the timeline, where the process is. */
public record TicketView(Ticket ticket, Customer customer, List<TimelineEntry> timeline, List<String> processActivities) {
}
