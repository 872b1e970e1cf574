package io.careloop.engine.ticket;

import java.util.List;

/** One page of a queue and where the next one starts (null on the last page). */
public record TicketPage(List<Ticket> items, PageCursor next) {
}
