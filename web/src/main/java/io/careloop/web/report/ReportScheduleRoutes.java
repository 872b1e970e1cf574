package io.careloop.web.report;

import io.careloop.engine.report.schedule.ReportDelivery;
import io.careloop.engine.report.schedule.ReportSchedule;
import io.careloop.engine.report.schedule.ReportSchedules;
import io.careloop.engine.report.schedule.ScheduleInput;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly reports' schedules (docs/reports.md): list, create, read and change them, and see
 * their deliveries (sent, failed with the reason and the next attempt). {@code report.schedule}.
 */
public final class ReportScheduleRoutes {

    static final Access SCHEDULE = Access.to(Permission.REPORT_SCHEDULE);
    private static final String BASE = "/api/v1/reports/schedules";

    private final ReportSchedules schedules;
    private final Requests requests;

    public ReportScheduleRoutes(ReportSchedules schedules, Requests requests) {
        this.schedules = schedules;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get(BASE).summary("The weekly report schedules").access(SCHEDULE).handle(this::list),
                ApiRoute.post(BASE).summary("Schedule a weekly report: day, time, zone, recipients, dashboard filters")
                        .access(SCHEDULE).body("ReportScheduleRequest").success(201).handle(this::create),
                ApiRoute.get(BASE + "/{id}").summary("One weekly report schedule").access(SCHEDULE).handle(this::get),
                ApiRoute.put(BASE + "/{id}").summary("Change a weekly report schedule (version = the one you read)")
                        .access(SCHEDULE).body("ReportScheduleRequest").handle(this::update),
                ApiRoute.get(BASE + "/{id}/deliveries")
                        .summary("The schedule's sends, newest first: sent, failed (why, next attempt), gave up")
                        .access(SCHEDULE).handle(this::deliveries));
    }

    private void list(Context ctx, User user) {
        ctx.json(Map.of("items", schedules.all().stream().map(ReportScheduleRoutes::json).toList()));
    }

    private void create(Context ctx, User user) {
        ReportSchedule s = schedules.create(requests.body(ctx, ScheduleInput.class), user.username());
        ctx.status(201).json(json(s));
    }

    private void get(Context ctx, User user) {
        ctx.json(json(schedules.get(id(ctx))));
    }

    private void update(Context ctx, User user) {
        ctx.json(json(schedules.update(id(ctx), requests.body(ctx, ScheduleInput.class), user.username())));
    }

    private void deliveries(Context ctx, User user) {
        ctx.json(Map.of("items", schedules.deliveries(id(ctx)).stream().map(ReportScheduleRoutes::json).toList()));
    }

    private static long id(Context ctx) {
        Long id = Requests.longParam(ctx.pathParam("id"), "id");
        return id == null ? -1 : id;
    }

    static Map<String, Object> json(ReportSchedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("dayOfWeek", s.dayOfWeek());
        m.put("time", s.sendTime());
        m.put("timeZone", s.timeZone());
        m.put("recipients", s.recipientList());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("team", s.filterTeam());
        f.put("queue", s.filterQueue());
        f.put("category", s.filterCategory());
        f.put("product", s.filterProduct());
        f.put("tier", s.filterTier());
        m.put("filters", f);
        m.put("enabled", s.enabled());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", s.updatedAt());
        m.put("version", s.version());
        return m;
    }

    static Map<String, Object> json(ReportDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("dueAt", d.dueAt());
        m.put("periodFrom", d.periodFrom().toString());
        m.put("periodTo", d.periodTo().toString());
        m.put("status", d.status());
        m.put("attempts", d.attempts());
        m.put("lastError", d.lastError());
        m.put("nextAttemptAt", d.nextAttemptAt());
        m.put("messageId", d.messageId());
        m.put("sentAt", d.sentAt());
        return m;
    }
}
