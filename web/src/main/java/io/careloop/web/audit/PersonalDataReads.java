package io.careloop.web.audit;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.user.User;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Audits reads of personal data: a successful call of a route below records who read which record
 * (action {@code <entity>.read}, entity type {@code access}, entity id {@code <entity>/<id>}: kept
 * apart from the record's own history so a ticket's timeline does not fill with reads).
 */
public final class PersonalDataReads {

    /** Route → the entity it reads and the path parameter naming it. */
    static final Map<String, String[]> AUDITED = Map.of(
            "GET /api/v1/tickets/{number}", new String[] {"ticket", "number"},
            "GET /api/v1/tickets/{number}/attachments/{attachmentId}", new String[] {"attachment", "attachmentId"},
            "GET /api/v1/customers/{id}", new String[] {"customer", "id"},
            "GET /api/v1/customers/{id}/export", new String[] {"customer-export", "id"});

    private final AuditTrail audit;
    private final Transactions transactions;

    public PersonalDataReads(AuditTrail audit, Transactions transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Called after every handler: records the read when the route is audited and answered 2xx. */
    public void afterHandler(ApiRoute route, Context ctx, User user) {
        String[] entity = AUDITED.get(route.method().name() + " " + route.path());
        if (entity == null || user == null || ctx.statusCode() < 200 || ctx.statusCode() > 299) {
            return;
        }
        audit.recordAlone(transactions, user.username(), entity[0] + ".read", "access",
                entity[0] + "/" + ctx.pathParam(entity[1]));
    }
}
