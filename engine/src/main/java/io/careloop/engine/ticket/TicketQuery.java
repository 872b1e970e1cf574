package io.careloop.engine.ticket;

/**
 * A queue listing: filters (all optional), a sort and a keyset position.
 *
 * @param text   matches subject and description (case-insensitive substring; Chinese works)
 * @param after  the last row of the previous page, or null for the first page
 * @param limit  rows per page, 1..200
 * @param slaState {@code at-risk} or {@code breached} (or {@code on-track}); null = any
 * @param filters  severity, channel, product, customer tier, open only
 */
public record TicketQuery(TicketStatus status, String queue, String assignee, Priority priority,
                          Category category, Long customerId, String text, TicketSort sort,
                          PageCursor after, int limit, String slaState, TicketFilters filters) {

    public TicketQuery(TicketStatus status, String queue, String assignee, Priority priority, Category category,
                       Long customerId, String text, TicketSort sort, PageCursor after, int limit) {
        this(status, queue, assignee, priority, category, customerId, text, sort, after, limit, null);
    }

    public TicketQuery(TicketStatus status, String queue, String assignee, Priority priority, Category category,
                       Long customerId, String text, TicketSort sort, PageCursor after, int limit, String slaState) {
        this(status, queue, assignee, priority, category, customerId, text, sort, after, limit, slaState,
                TicketFilters.NONE);
    }

    public static final int MAX_LIMIT = 200;

    public TicketQuery {
        sort = sort == null ? TicketSort.DUE : sort;
        filters = filters == null ? TicketFilters.NONE : filters;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new io.careloop.engine.error.InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (slaState != null && !java.util.Set.of(Ticket.ON_TRACK, Ticket.AT_RISK, Ticket.BREACHED).contains(slaState)) {
            throw new io.careloop.engine.error.InvalidInputException("sla", "sla must be one of on-track, at-risk, breached");
        }
        if (after != null && after.sort() != sort) {
            throw new io.careloop.engine.error.InvalidInputException("cursor", "the cursor belongs to another sort order");
        }
    }

    /** The LIKE pattern for {@link #text}, with LIKE's wildcards escaped. */
    public String textPattern() {
        return io.careloop.engine.db.Sql.containsPattern(text);
    }
}
