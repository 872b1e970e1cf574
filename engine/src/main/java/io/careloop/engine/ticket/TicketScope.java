package io.careloop.engine.ticket;

import java.util.List;
import java.util.Set;

/**
 * Which tickets a user may see: all of them, or those in {@code queues}, assigned to
 * {@code assignee}, or of one of {@code categories}. Built by {@code Permissions.ticketScope};
 * applied in SQL to queue pages and in the web layer to single tickets.
 */
public record TicketScope(boolean all, List<String> queues, String assignee, Set<Category> categories) {

    public static final TicketScope ALL = new TicketScope(true, List.of(), null, Set.of());

    public TicketScope {
        queues = List.copyOf(queues);
        categories = Set.copyOf(categories);
    }

    public boolean covers(Ticket t) {
        return all
                || (t.queue() != null && queues.contains(t.queue()))
                || (assignee != null && assignee.equals(t.assignee()))
                || (t.category() != null && categories.contains(t.category()));
    }

    /** True when a filter on {@code queue} alone stays inside the scope. */
    public boolean coversQueue(String queue) {
        return all || queues.contains(queue);
    }
}
