package io.careloop.web.ticket;

import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import io.careloop.engine.user.UserService;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who may be given a ticket: the workspace's assignee picker types a few letters and chooses from
 * the enabled users who work tickets and whose data scope covers this one (its queue's team,
 * supervisors, the categories a specialist reviews), so nobody is assigned a ticket they cannot open.
 */
public final class AssigneeRoutes {

    private static final int MAX = 50;

    private final TicketService tickets;
    private final UserService users;

    public AssigneeRoutes(TicketService tickets, UserService users) {
        this.tickets = tickets;
        this.users = users;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/api/v1/tickets/{number}/assignees")
                .summary("Users the ticket may be assigned to (they work tickets and their data scope covers it); q filters by name")
                .access(Access.to(Permission.TICKET_ASSIGN)).query("q", "limit").handle(this::assignees));
    }

    private void assignees(Context ctx, User user) {
        Ticket t = tickets.find(ctx.pathParam("number"));
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip().toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(Requests.intParam(ctx.queryParam("limit"), "limit", 20), MAX));
        List<Map<String, Object>> items = users.enabledUsers().stream()
                .filter(u -> Permission.TICKET_WORK.grantedTo(u) && Permissions.ticketScope(u).covers(t))
                .filter(u -> q.isEmpty() || u.username().toLowerCase(Locale.ROOT).contains(q)
                        || u.displayName().toLowerCase(Locale.ROOT).contains(q))
                .limit(limit)
                .map(u -> Map.<String, Object>of("username", u.username(), "displayName", u.displayName(),
                        "current", u.username().equals(t.assignee())))
                .toList();
        ctx.json(Map.of("items", items));
    }
}
