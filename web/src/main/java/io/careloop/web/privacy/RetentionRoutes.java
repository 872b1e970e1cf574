package io.careloop.web.privacy;

import io.careloop.engine.privacy.Retention;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The retention policy: run it now, or count what it would do. */
public final class RetentionRoutes {

    /** {@code dryRun} (default true: a run that erases texts must be asked for with false). */
    public record RetentionRequest(Boolean dryRun) {
    }

    private final Retention retention;
    private final Requests requests;

    public RetentionRoutes(Retention retention, Requests requests) {
        this.retention = retention;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/api/v1/retention/run")
                .summary("Run the retention policy now (dryRun, the default, only counts what is due)")
                .access(Access.to(Permission.AUDIT)).body("RetentionRequest").handle(this::run));
    }

    private void run(Context ctx, User user) {
        RetentionRequest req = requests.optionalBody(ctx, RetentionRequest.class, new RetentionRequest(true));
        Retention.Report r = retention.run(req.dryRun() == null || req.dryRun(), user.username());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", r.dryRun());
        m.put("closedTickets", retention.policy().closedTickets().toString());
        m.put("regulated", retention.policy().regulated() == null ? "never" : retention.policy().regulated().toString());
        m.put("closedBefore", r.closedBefore());
        m.put("regulatedClosedBefore", r.regulatedClosedBefore());
        m.put("due", r.due());
        m.put("regulatedDue", r.regulatedDue());
        m.put("anonymised", r.anonymised());
        m.put("auditEventsRedacted", r.auditEventsRedacted());
        ctx.json(m);
    }
}
