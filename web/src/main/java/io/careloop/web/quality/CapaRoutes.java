package io.careloop.web.quality;

import io.careloop.engine.privacy.FreeTextMasking;
import io.careloop.engine.quality.Capas;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The CAPA register: quality's list of corrective and preventive actions and one CAPA with its complaints. */
public final class CapaRoutes {

    static final Access QUALITY = Access.to(Permission.QUALITY);

    private final Capas capas;

    public CapaRoutes(Capas capas) {
        this.capas = capas;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/capas")
                        .summary("The CAPA register, newest first: status=open|closed, product (a piece of the name), limit")
                        .access(QUALITY).query("status", "product", "limit").handle(this::list),
                ApiRoute.get("/api/v1/capas/{id}")
                        .summary("One CAPA (CAPA-000042) with every linked complaint ticket")
                        .access(QUALITY).handle(this::get));
    }

    private void list(Context ctx, User user) {
        String status = ctx.queryParam("status");
        ctx.json(Map.of("items", capas.list(status == null || status.isBlank() ? null : status.strip(),
                ctx.queryParam("product"), Requests.intParam(ctx.queryParam("limit"), "limit", 50))
                .stream().map(c -> c.masked(FreeTextMasking.forReader(user))).toList()));
    }

    private void get(Context ctx, User user) {
        ctx.json(capas.get(ctx.pathParam("id")).masked(FreeTextMasking.forReader(user)));
    }
}
