package io.careloop.web.studio;

import io.careloop.engine.studio.ProcessMonitor;
import io.careloop.engine.user.Permission;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import java.util.List;
import java.util.Map;

/** Open process incidents with their error, and a retry of a failed job. */
public final class IncidentRoutes {

    private final ProcessMonitor monitor;

    public IncidentRoutes(ProcessMonitor monitor) {
        this.monitor = monitor;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/incidents").summary("Open incidents, newest first, with their error message")
                        .access(Access.to(Permission.PROCESS_READ)).query("limit").handle((ctx, u) -> {
                            int limit = Math.max(1, Math.min(Requests.intParam(ctx.queryParam("limit"), "limit", 100), 1000));
                            ctx.json(Map.of("items", monitor.incidents(limit)));
                        }),
                ApiRoute.post("/api/v1/incidents/{id}/retry").summary("Retry a failed job: the job executor runs it "
                        + "again (202)").access(Access.to(Permission.PROCESS_EDIT)).success(202)
                        .handle((ctx, u) -> ctx.status(202).json(monitor.retry(ctx.pathParam("id"), u.username()))));
    }
}
