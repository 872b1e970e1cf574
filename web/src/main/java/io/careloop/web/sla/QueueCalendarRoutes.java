package io.careloop.web.sla;

import io.careloop.engine.sla.QueueCalendar;
import io.careloop.engine.sla.QueueCalendars;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Which business calendar each queue's SLA clocks count on; a queue without one counts on the default. */
public final class QueueCalendarRoutes {

    static final Access MANAGE = Access.to(Permission.CALENDAR_MANAGE);

    record AssignBody(String calendar, String reason) {
    }

    private final QueueCalendars queueCalendars;
    private final Requests requests;

    public QueueCalendarRoutes(QueueCalendars queueCalendars, Requests requests) {
        this.queueCalendars = queueCalendars;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/queue-calendars").summary("The calendar assigned to each queue")
                        .access(MANAGE).handle(this::list),
                ApiRoute.put("/api/v1/queue-calendars/{queue}")
                        .summary("Assign a business calendar to a queue (calendar null: back to the default calendar)")
                        .access(MANAGE).body("QueueCalendarRequest").handle(this::assign));
    }

    private void list(Context ctx, User user) {
        ctx.json(Map.of("items", queueCalendars.list().stream().map(QueueCalendarRoutes::json).toList()));
    }

    private void assign(Context ctx, User user) {
        AssignBody b = requests.body(ctx, AssignBody.class);
        ctx.json(Map.of("items", queueCalendars.assign(ctx.pathParam("queue"), b.calendar(), b.reason(), user.username())
                .stream().map(QueueCalendarRoutes::json).toList()));
    }

    private static Map<String, Object> json(QueueCalendar q) {
        return Map.of("queue", q.queue(), "calendar", q.calendarCode(), "updatedAt", q.updatedAt(), "updatedBy", q.updatedBy());
    }
}
