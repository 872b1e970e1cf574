package io.careloop.web.queue;

import io.careloop.engine.customer.Tier;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Priority;
import io.careloop.engine.ticket.QueueCounts;
import io.careloop.engine.ticket.QueueFilter;
import io.careloop.engine.ticket.Severity;
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

/** The queue screen's counts: open tickets per view, within the caller's data scope and the screen's filters. */
public final class QueueRoutes {

    private final TicketService tickets;

    public QueueRoutes(TicketService tickets) {
        this.tickets = tickets;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/api/v1/queues")
                .summary("Open tickets per view (mine, unassigned, at risk, breached) and per queue, within the data scope")
                .access(Access.to(Permission.TICKET_READ))
                .query("category", "priority", "severity", "channel", "product", "tier").handle(this::counts));
    }

    private void counts(Context ctx, User user) {
        QueueFilter filter = new QueueFilter(Category.fromCode(ctx.queryParam("category")),
                Priority.fromCode(ctx.queryParam("priority")), Severity.fromCode(ctx.queryParam("severity")),
                Channel.fromCode(ctx.queryParam("channel")), ctx.queryParam("product"), Tier.fromCode(ctx.queryParam("tier")));
        QueueCounts c = tickets.queueCounts(user.username(), Permissions.ticketScope(user), filter);
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
