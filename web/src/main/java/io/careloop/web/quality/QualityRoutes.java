package io.careloop.web.quality;

import io.careloop.engine.privacy.FreeTextMasking;
import io.careloop.engine.quality.QualityComplaintService;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality complaint of a product-quality ticket: its record (product, lot, expiry, sample
 * return, investigation, CAPA with every linked ticket), the details an agent takes from the
 * customer, and the quality steps (sample return, investigation, CAPA). Every write needs a reason.
 */
public final class QualityRoutes {

    static final Access READ = Access.to(Permission.TICKET_READ);
    static final Access WORK = Access.to(Permission.TICKET_WORK);
    static final Access QUALITY = Access.to(Permission.QUALITY);

    record DetailsBody(String product, String lot, String expiry, Boolean sampleRequested, String reason) {
    }

    private final QualityComplaintService complaints;
    private final Requests requests;

    public QualityRoutes(QualityComplaintService complaints, Requests requests) {
        this.complaints = complaints;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/tickets/{number}/quality")
                        .summary("The ticket's quality complaint: product, lot, sample, investigation, open steps, CAPA")
                        .access(READ).handle(this::show),
                ApiRoute.put("/api/v1/tickets/{number}/quality")
                        .summary("Record product, lot, expiry and whether the sample is asked back (the first time, "
                                + "checks recurrence and may open or join a CAPA)")
                        .access(WORK).body("QualityDetailsRequest").handle(this::details),
                ApiRoute.post("/api/v1/tickets/{number}/quality/{step}")
                        .summary("Complete a quality step: sample-return, investigate or capa")
                        .access(QUALITY).body("QualityStepRequest").handle(this::step));
    }

    private void show(Context ctx, User user) {
        ctx.json(complaints.view(ctx.pathParam("number")).masked(FreeTextMasking.forReader(user)));
    }

    private void details(Context ctx, User user) {
        DetailsBody b = requests.body(ctx, DetailsBody.class);
        ctx.json(complaints.recordDetails(ctx.pathParam("number"), b.product(), b.lot(), b.expiry(), b.sampleRequested(),
                b.reason(), user.username()).masked(FreeTextMasking.forReader(user)));
    }

    @SuppressWarnings("unchecked")
    private void step(Context ctx, User user) {
        Map<String, Object> body = new HashMap<>(requests.body(ctx, Map.class));
        Object reason = body.remove("reason");
        ctx.json(complaints.completeStep(ctx.pathParam("number"), ctx.pathParam("step"), body,
                reason instanceof String r ? r : null, user.username()).masked(FreeTextMasking.forReader(user)));
    }
}
