package io.careloop.web.sla;

import io.careloop.engine.sla.CalendarInput;
import io.careloop.engine.sla.Calendars;
import io.careloop.engine.sla.StoredCalendar;
import io.careloop.engine.sla.WorkingPeriod;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Business calendars for the SLA clocks: supervisors and admins read and edit them. */
public final class CalendarRoutes {

    static final Access MANAGE = Access.to(Permission.CALENDAR_MANAGE);

    private final Calendars calendars;
    private final Requests requests;

    public CalendarRoutes(Calendars calendars, Requests requests) {
        this.calendars = calendars;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/calendars").summary("List the business calendars").access(MANAGE).handle(this::list),
                ApiRoute.get("/api/v1/calendars/{code}").summary("One business calendar").access(MANAGE).handle(this::get),
                ApiRoute.put("/api/v1/calendars/{code}")
                        .summary("Create or replace a business calendar (hours, holidays, make-up days)")
                        .access(MANAGE).body("CalendarRequest").handle(this::put));
    }

    private void list(Context ctx, User user) {
        ctx.json(Map.of("items", calendars.list().stream().map(CalendarRoutes::json).toList()));
    }

    private void get(Context ctx, User user) {
        StoredCalendar c = calendars.get(ctx.pathParam("code"));
        ctx.header("ETag", "\"" + c.version() + "\"").json(json(c));
    }

    private void put(Context ctx, User user) {
        CalendarInput in = requests.body(ctx, CalendarInput.class);
        StoredCalendar c = calendars.put(ctx.pathParam("code"), in, user.username());
        ctx.header("ETag", "\"" + c.version() + "\"").json(json(c));
    }

    static Map<String, Object> json(StoredCalendar s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.calendar().code());
        m.put("name", s.calendar().name());
        m.put("zone", s.calendar().zone().getId());
        Map<String, Object> week = new LinkedHashMap<>();
        s.calendar().weeklyHours().forEach((day, periods) -> {
            if (!periods.isEmpty()) {
                week.put(day.name(), periods.stream().map(CalendarRoutes::period).toList());
            }
        });
        m.put("weeklyHours", week);
        m.put("holidays", s.calendar().holidays().stream().map(Object::toString).toList());
        m.put("makeUpDays", s.calendar().makeUpDays().stream()
                .map(d -> Map.of("date", d.date().toString(), "worksLike", d.worksLike().name())).toList());
        m.put("isDefault", s.isDefault());
        m.put("updatedAt", s.updatedAt());
        m.put("version", s.version());
        return m;
    }

    private static Map<String, String> period(WorkingPeriod p) {
        return Map.of("start", p.start().toString(), "end", p.endsAtMidnight() ? "00:00" : p.end().toString());
    }
}
