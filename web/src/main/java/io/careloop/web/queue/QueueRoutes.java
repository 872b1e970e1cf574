package io.careloop.web.queue;

import io.careloop.engine.ticket.QueueCounts;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The queue screen's counts: open tickets per view, within the caller's data scope. */
public final class QueueRoutes {

    private final TicketService tickets;

    public QueueRoutes(TicketService tickets) {
        this.tickets = tickets;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/api/v1/queues")
                .summary("Open tickets per view (mine, unassigned, at risk, breached) and per queue, within the data scope")
                .access(Access.to(Permission.TICKET_READ)).handle(this::counts));
    }

    private void counts(Context ctx, User user) {
        QueueCounts c = tickets.queueCounts(user.username(), Permissions.ticketScope(user));
        Map<String, Long> byQueue = new TreeMap<>(c.byQueue());
        // the user's own team queues are listed even when empty
        user.queues().forEach(q -> byQueue.putIfAbsent(q, 0L));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mine", c.mine());
        body.put("unassigned", c.unassigned());
        body.put("atRisk", c.atRisk());
        body.put("breached", c.breached());
        body.put("queues", byQueue.entrySet().stream()
                .map(e -> Map.of("queue", e.getKey(), "open", e.getValue(), "team", user.queues().contains(e.getKey())))
                .toList());
        ctx.json(body);
    }
}
