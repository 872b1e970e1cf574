package io.careloop.web.audit;

import io.careloop.engine.audit.AuditVerification;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The audit trail's integrity check. */
public final class AuditRoutes {

    private final Supplier<AuditVerification> verify;

    public AuditRoutes(Supplier<AuditVerification> verify) {
        this.verify = verify;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/api/v1/audit/verify")
                .summary("Seal pending audit events, walk the hash chain and name the first broken link")
                .access(Access.to(Permission.AUDIT)).handle(this::verify));
    }

    private void verify(Context ctx, User user) {
        ctx.json(json(verify.get()));
    }

    /** {@code {"ok", "firstBroken": null | {"seq", "eventId", "problem"}, "checked", "unsealed", "head"}}. */
    public static Map<String, Object> json(AuditVerification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", v.ok());
        if (v.firstBroken() == null) {
            m.put("firstBroken", null);
        } else {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("seq", v.firstBroken().seq());
            b.put("eventId", v.firstBroken().eventId());
            b.put("problem", v.firstBroken().problem());
            m.put("firstBroken", b);
        }
        m.put("checked", v.checked());
        m.put("unsealed", v.unsealed());
        m.put("head", Map.of("seq", v.headSeq(), "hash", v.headHash()));
        return m;
    }
}
