package io.careloop.web.plugin;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.plugin.ImportRun;
import io.careloop.engine.plugin.ImportRuns;
import io.careloop.engine.plugin.PluginHost;
import io.careloop.engine.plugin.PluginInfo;
import io.careloop.engine.plugin.PluginMapper;
import io.careloop.engine.plugin.Rejection;
import io.careloop.engine.privacy.FreeTextMasking;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiException;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.careloop.web.audit.PersonalDataReads;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Channel plugins and import runs, for integrators and administrators: list and manage plugins,
 * their settings (secrets never returned), uploads of files to import (202 with the run id),
 * the runs' counts and progress, their quarantined items, and replays after a fix.
 */
public final class PluginRoutes {

    /** Integrators and admins, per the permission matrix (docs/security.md). */
    static final Access READ = Access.to(Permission.PLUGIN_READ);
    static final Access MANAGE = Access.to(Permission.PLUGIN_MANAGE);

    private final PluginHost host;
    private final ImportRuns runs;
    private final Transactions tx;
    private final Requests requests;
    private final AuditTrail audit;

    /** Uploads, settings changes and lifecycle actions are audited ({@code plugin.*}, entity {@code plugin}/id). */
    public PluginRoutes(PluginHost host, ImportRuns runs, Transactions tx, Requests requests, AuditTrail audit) {
        this.host = host;
        this.runs = runs;
        this.tx = tx;
        this.requests = requests;
        this.audit = audit;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/plugins").summary("List the plugins with their state").access(READ)
                        .handle((ctx, u) -> ctx.json(Map.of("items", host.list()))),
                ApiRoute.post("/api/v1/plugins").summary("Upload a plugin archive (multipart field file): installs or "
                        + "replaces it and starts it").access(MANAGE).success(201).handle(this::upload),
                ApiRoute.get("/api/v1/plugins/{id}").summary("A plugin with its settings form and recent incidents")
                        .access(READ).handle(this::get),
                ApiRoute.put("/api/v1/plugins/{id}/settings").summary("Change a plugin's settings (null clears a value; "
                        + "an empty secret keeps the stored one)").access(MANAGE).body("PluginSettingsRequest")
                        .handle(this::settings),
                action("start", "Start a plugin"),
                action("stop", "Stop a plugin"),
                action("enable", "Enable and start a plugin"),
                action("disable", "Disable (and stop) a plugin; it stays disabled across restarts"),
                action("reload", "Load a plugin again from its archive"),
                ApiRoute.post("/api/v1/plugins/{id}/imports").summary("Import a file (multipart field file, optional "
                        + "preset) with the plugin: 202 with the run id").access(MANAGE).success(202)
                        .handle(this::startImport),
                ApiRoute.get("/api/v1/imports/{runId}").summary("An import run: status, counts, progress")
                        .access(READ).handle(this::run),
                ApiRoute.get("/api/v1/imports/{runId}/rejections").summary("The run's quarantined items with raw input "
                        + "and reason (keyset paged by id)").access(READ).query("cursor", "limit").handle(this::rejections),
                ApiRoute.post("/api/v1/imports/{runId}/replay").summary("Replay the run's open rejections (all, or the "
                        + "ids given, with corrected raw text) as a new run: 202 with its id").access(MANAGE)
                        .body("ReplayRequest").success(202).handle(this::replay));
    }

    private ApiRoute action(String name, String summary) {
        return ApiRoute.post("/api/v1/plugins/{id}/" + name).summary(summary).access(MANAGE).handle((ctx, u) -> {
            String id = ctx.pathParam("id");
            PluginInfo info = switch (name) {
                case "start" -> host.start(id, u.username());
                case "stop" -> host.stop(id, u.username());
                case "enable" -> host.enable(id, u.username());
                case "disable" -> host.disable(id, u.username());
                default -> host.reload(id, u.username());
            };
            audited(u, "plugin." + name, id, Map.of("state", info.state()));
            ctx.json(info);
        });
    }

    private void get(Context ctx, User user) {
        String id = ctx.pathParam("id");
        PluginInfo info = host.get(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plugin", info);
        body.put("settings", host.settingsStore().form(id, host.schema(id)));
        body.put("incidents", tx.read(s -> s.getMapper(PluginMapper.class).incidents(id, 20)));
        ctx.json(body);
    }

    private void settings(Context ctx, User user) {
        String id = ctx.pathParam("id");
        host.get(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = requests.body(ctx, Map.class);
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object v = e.getValue();
            if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                throw new InvalidInputException(e.getKey(), e.getKey() + " must be a string, a number, a boolean or null");
            }
            values.put(e.getKey(), v == null ? null : v.toString());
        }
        host.settingsStore().update(id, host.schema(id), values, user.username());
        // the keys only: values may be secrets
        audited(user, "plugin.settings-changed", id, Map.of("keys", new java.util.TreeSet<>(values.keySet())));
        ctx.json(Map.of("settings", host.settingsStore().form(id, host.schema(id))));
    }

    private void upload(Context ctx, User user) throws Exception {
        UploadedFile file = file(ctx);
        long limit = host.archiveLimits().archiveBytes();
        if (file.size() > limit) {
            throw new ApiException(413, "too-large", "Request too large",
                    "plugin archive refused: " + file.size() + " bytes, at most " + limit + " are accepted");
        }
        try (InputStream in = file.content()) {
            PluginInfo info = host.upload(file.filename(), in, user.username());
            Map<String, Object> uploaded = new LinkedHashMap<>();
            uploaded.put("file", file.filename());
            uploaded.put("version", info.version());
            uploaded.put("sha256", info.sha256());
            audited(user, "plugin.uploaded", info.id(), uploaded);
            ctx.status(201).header("Location", "/api/v1/plugins/" + info.id()).json(info);
        }
    }

    private void startImport(Context ctx, User user) throws Exception {
        String id = ctx.pathParam("id");
        host.get(id);
        UploadedFile file = file(ctx);
        String preset = ctx.formParam("preset");
        try (InputStream in = file.content()) {
            ImportRun run = runs.start(id, file.filename(), preset, in, user.username());
            ctx.status(202).header("Location", "/api/v1/imports/" + run.id()).json(ImportJson.of(run));
        }
    }

    private void run(Context ctx, User user) {
        ctx.json(ImportJson.of(runs.find(runId(ctx))));
    }

    private void rejections(Context ctx, User user) {
        int limit = Math.min(Requests.intParam(ctx.queryParam("limit"), "limit", 100), 1000);
        if (limit < 1) {
            throw new InvalidInputException("limit", "limit must be at least 1");
        }
        Long after = Requests.longParam(ctx.queryParam("cursor"), "cursor");
        List<Rejection> page = runs.rejections(runId(ctx), after == null ? 0 : after, limit);
        Map<String, Object> body = new HashMap<>();
        PersonalDataReads.listing(ctx, "rejection-list").addAll(page.stream().map(Rejection::id).toList());
        // raw input holds what customers wrote: identifiers masked for roles that do not see them (integrators)
        UnaryOperator<String> text = FreeTextMasking.forReader(user);
        body.put("items", page.stream().map(r -> ImportJson.of(r, text)).toList());
        body.put("nextCursor", page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null);
        ctx.json(body);
    }

    private void replay(Context ctx, User user) {
        ReplayRequest req = requests.optionalBody(ctx, ReplayRequest.class, new ReplayRequest(null, null));
        long runId = runId(ctx);
        Map<Long, String> corrected = new HashMap<>();
        // a corrected row sent back with the masks the integrator saw keeps the stored identifiers
        req.correctedById().forEach((id, text) -> corrected.put(id, runs.rejections(runId, id - 1, 1).stream()
                .filter(r -> r.id() == id).findFirst().map(r -> FreeTextMasking.restore(text, r.raw())).orElse(text)));
        ImportRun run = runs.replay(runId, req.rejectionIds(), corrected, user.username());
        ctx.status(202).header("Location", "/api/v1/imports/" + run.id()).json(ImportJson.of(run));
    }

    private void audited(User user, String action, String pluginId, Object after) {
        tx.write(t -> {
            audit.record(t, user.username(), action, "plugin", pluginId, null, after, null);
            return null;
        });
    }

    private static long runId(Context ctx) {
        Long id = Requests.longParam(ctx.pathParam("runId"), "runId");
        return id == null ? -1 : id;
    }

    private static UploadedFile file(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new InvalidInputException("file", "send the file as multipart/form-data in field 'file'");
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new InvalidInputException("file", "field 'file' is missing");
        }
        return file;
    }
}
