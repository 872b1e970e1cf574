package io.careloop.web.studio;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.studio.Migrations;
import io.careloop.engine.studio.ProcessMonitor;
import io.careloop.engine.studio.ProcessStudio;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The deployed processes and decisions for the studio: versions, XML, structural diff, rollback,
 * migration of running instances, and the monitor (heat map and SLA per activity).
 */
public final class ProcessRoutes {

    static final Access READ = Access.to(Permission.PROCESS_READ);
    static final Access EDIT = Access.to(Permission.PROCESS_EDIT);
    private static final String KEY = "/api/v1/processes/{key}";

    private final ProcessStudio studio;
    private final Migrations migrations;
    private final ProcessMonitor monitor;
    private final Requests requests;

    public ProcessRoutes(ProcessStudio studio, Migrations migrations, ProcessMonitor monitor, Requests requests) {
        this.studio = studio;
        this.migrations = migrations;
        this.monitor = monitor;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/processes").summary("Process and decision keys with their versions (latest "
                        + "version, deployed at, by whom, comment, running instances)").access(READ)
                        .handle((ctx, u) -> ctx.json(Map.of("items", studio.list()))),
                ApiRoute.get(KEY + "/xml").summary("The deployed BPMN or DMN XML: the latest version, or ?version=N")
                        .access(READ).query("version").handle(this::xml),
                ApiRoute.get(KEY + "/versions").summary("Every version of a process or decision, newest first")
                        .access(READ).handle((ctx, u) -> ctx.json(Map.of("items", studio.versions(ctx.pathParam("key"))))),
                ApiRoute.get(KEY + "/diff").summary("Structural diff of two versions: added, removed and changed element"
                        + " ids with type and name").access(READ).query("from", "to").handle(this::diff),
                ApiRoute.post(KEY + "/rollback").summary("Deploy a previous version's XML again as a new version "
                        + "(comment required, audited)").access(EDIT).body("RollbackRequest").success(201)
                        .handle(this::rollback),
                ApiRoute.post(KEY + "/migrations/preview").summary("What migrating the running instances of one version"
                        + " to another would do: how many move, which cannot and why").access(EDIT)
                        .body("MigrationRequest").handle(this::preview),
                ApiRoute.post(KEY + "/migrations").summary("Migrate the running instances of one version to another, as"
                        + " a batch: 202 with its id and progress").access(EDIT).body("MigrationRequest").success(202)
                        .handle(this::migrate),
                ApiRoute.get(KEY + "/migrations/{batchId}").summary("A migration's progress and result").access(READ)
                        .handle((ctx, u) -> ctx.json(migrations.status(ctx.pathParam("key"), ctx.pathParam("batchId")))),
                ApiRoute.get(KEY + "/monitor").summary("Per activity of a version (latest, or ?version=N): active "
                        + "instances, incidents, tickets on track / at risk / breached").access(READ).query("version")
                        .handle((ctx, u) -> ctx.json(monitor.monitor(ctx.pathParam("key"),
                                Requests.intParam(ctx.queryParam("version"), "version")))));
    }

    private void xml(Context ctx, User user) {
        String xml = studio.xml(ctx.pathParam("key"), Requests.intParam(ctx.queryParam("version"), "version"));
        ctx.contentType("application/xml; charset=utf-8").result(xml);
    }

    private void diff(Context ctx, User user) {
        Integer from = Requests.intParam(ctx.queryParam("from"), "from");
        Integer to = Requests.intParam(ctx.queryParam("to"), "to");
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "give both versions: ?from=1&to=2");
        }
        ctx.json(studio.diff(ctx.pathParam("key"), from, to));
    }

    private void rollback(Context ctx, User user) {
        RollbackRequest req = requests.body(ctx, RollbackRequest.class);
        if (req.version() == null) {
            throw new InvalidInputException("version", "version is required: the version to deploy again");
        }
        ctx.status(201).json(Map.of("versions", studio.rollback(ctx.pathParam("key"), req.version(), req.comment(),
                user.username(), user.has(Role.ADMIN))));
    }

    private void preview(Context ctx, User user) {
        MigrationRequest req = versions(ctx);
        ctx.json(migrations.preview(ctx.pathParam("key"), req.fromVersion(), req.toVersion()));
    }

    private void migrate(Context ctx, User user) {
        MigrationRequest req = versions(ctx);
        Migrations.Status status = migrations.start(ctx.pathParam("key"), req.fromVersion(), req.toVersion(),
                user.username(), req.comment());
        ctx.status(202).header("Location", "/api/v1/processes/" + status.key() + "/migrations/" + status.batchId())
                .json(status);
    }

    private MigrationRequest versions(Context ctx) {
        MigrationRequest req = requests.body(ctx, MigrationRequest.class);
        if (req.fromVersion() == null || req.toVersion() == null) {
            throw new InvalidInputException(req.fromVersion() == null ? "fromVersion" : "toVersion",
                    "fromVersion and toVersion are required");
        }
        return req;
    }
}
