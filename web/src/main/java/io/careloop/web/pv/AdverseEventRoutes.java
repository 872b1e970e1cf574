package io.careloop.web.pv;

import io.careloop.engine.pv.AdverseEventService;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pharmacovigilance works the adverse event case of a ticket: assess, follow up, submit. */
public final class AdverseEventRoutes {

    static final Access PV = Access.to(Permission.PHARMACOVIGILANCE);

    private final AdverseEventService cases;
    private final Requests requests;

    public AdverseEventRoutes(AdverseEventService cases, Requests requests) {
        this.cases = cases;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/api/v1/tickets/{number}/adverse-event/{step}")
                .summary("Complete a step of the adverse event case: assess, follow-up or submit")
                .access(PV).body("AdverseEventStepRequest").handle(this::step));
    }

    @SuppressWarnings("unchecked")
    private void step(Context ctx, User user) {
        Map<String, Object> body = requests.body(ctx, Map.class);
        String number = ctx.pathParam("number");
        cases.completeStep(number, ctx.pathParam("step"), body, user.username());
        Map<String, Object> out = new HashMap<>();
        out.put("ticket", number);
        out.put("openStep", cases.openStep(number));
        ctx.json(out);
    }
}
