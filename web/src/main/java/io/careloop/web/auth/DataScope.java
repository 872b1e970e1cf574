package io.careloop.web.auth;

import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketScope;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import io.careloop.web.api.ApiException;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;

/**
 * The data scope of single-ticket routes: every route under {@code /api/v1/tickets/{number}} (read
 * or action, today's and those added later) acts on one ticket, which the caller must be allowed to
 * see ({@link Permissions#ticketScope}). Lists apply the same scope in SQL.
 */
public final class DataScope {

    static final String TICKET_ROUTES = "/api/v1/tickets/{number}";

    /**
     * Permissions whose routes record an outside fact on a ticket and answer with a receipt that holds
     * no ticket data (a survey tool's CSAT score): the permission is enough, the queue scope does not apply.
     */
    static final Set<Permission> RECEIPT_ONLY = EnumSet.of(Permission.SURVEY_RECORD);

    private final TicketService tickets;

    public DataScope(TicketService tickets) {
        this.tickets = tickets;
    }

    /** Throws 403 when {@code user} may not see the ticket the route names (404 when there is none). */
    public void check(ApiRoute route, Context ctx, User user) {
        if (user == null || !route.path().startsWith(TICKET_ROUTES)
                || RECEIPT_ONLY.contains(route.access().permission())) {
            return;
        }
        TicketScope scope = Permissions.ticketScope(user);
        if (scope.all()) {
            return;
        }
        Ticket t = tickets.find(ctx.pathParam("number"));
        if (!scope.covers(t)) {
            throw ApiException.forbidden("ticket " + t.number() + " is in queue " + t.queue()
                    + ", outside your teams' queues " + scope.queues());
        }
    }
}
