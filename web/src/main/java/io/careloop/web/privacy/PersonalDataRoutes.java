package io.careloop.web.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.interaction.Interaction;
import io.careloop.engine.privacy.Erasure;
import io.careloop.engine.privacy.SubjectAccess;
import io.careloop.engine.privacy.SubjectData;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.careloop.web.customer.CustomerJson;
import io.careloop.web.ticket.TicketJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's rights over their data: the export of everything held about them (access request;
 * the read is audited by {@code PersonalDataReads}) and their erasure (pseudonymisation).
 */
public final class PersonalDataRoutes {

    /** The erasure request: why (the request it answers, a ticket of the privacy office, ...). */
    public record ErasureRequest(String reason) {
    }

    private final SubjectAccess access;
    private final Erasure erasure;
    private final Requests requests;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonalDataRoutes(SubjectAccess access, Erasure erasure, Requests requests, ObjectMapper json, Clock clock) {
        this.access = access;
        this.erasure = erasure;
        this.requests = requests;
        this.json = json;
        this.clock = clock;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/customers/{id}/export")
                        .summary("Everything held about a person (access request): customer, tickets, interactions, "
                                + "survey responses, audit lines")
                        .access(Access.to(Permission.PERSONAL_DATA_EXPORT)).handle(this::export),
                ApiRoute.post("/api/v1/customers/{id}/erase")
                        .summary("Erase a person: pseudonymise the customer, erase their tickets' texts, keep their "
                                + "regulated records pseudonymised (reason required)")
                        .access(Access.to(Permission.PERSONAL_DATA_ERASE)).body("ErasureRequest").handle(this::erase));
    }

    private void export(Context ctx, User user) {
        SubjectData d = access.collect(id(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exportedAt", clock.instant());
        body.put("exportedBy", user.username());
        body.put("customer", CustomerJson.of(d.customer()));
        List<Map<String, Object>> tickets = new ArrayList<>();
        List<Map<String, Object>> surveys = new ArrayList<>();
        for (SubjectData.TicketRecord r : d.tickets()) {
            Map<String, Object> t = TicketJson.of(r.ticket());
            List<Map<String, Object>> interactions = new ArrayList<>();
            for (Interaction i : r.interactions()) {
                interactions.add(interaction(i));
                if ("survey".equals(i.kind()) && "inbound".equals(i.direction())) {
                    Map<String, Object> s = interaction(i);
                    s.put("ticket", r.ticket().number());
                    surveys.add(s);
                }
            }
            t.put("interactions", interactions);
            // what Camunda holds for the ticket: case values, survey comments, follow-up notes (erasure rewrites the same)
            t.put("processes", r.processes());
            tickets.add(t);
        }
        body.put("tickets", tickets);
        body.put("surveyResponses", surveys);
        body.put("audit", d.audit().stream().map(this::auditLine).toList());
        ctx.header("Content-Disposition", "attachment; filename=\"customer-" + d.customer().id() + "-export.json\"")
                .json(body);
    }

    private void erase(Context ctx, User user) {
        ErasureRequest req = requests.body(ctx, ErasureRequest.class);
        ctx.json(erasure.erase(id(ctx), req.reason(), user.username()));
    }

    private static Map<String, Object> interaction(Interaction i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("kind", i.kind());
        m.put("direction", i.direction());
        m.put("author", i.author());
        m.put("body", i.body());
        m.put("externalId", i.externalId());
        m.put("createdAt", i.createdAt());
        return m;
    }

    private Map<String, Object> auditLine(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("occurredAt", e.occurredAt());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("entityType", e.entityType());
        m.put("entityId", e.entityId());
        m.put("before", parsed(e.beforeState()));
        m.put("after", parsed(e.afterState()));
        m.put("reason", e.reason());
        return m;
    }

    private Object parsed(String snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.readTree(snapshot);
        } catch (IOException notJson) {
            return snapshot;
        }
    }

    private static long id(Context ctx) {
        return Requests.longParam(ctx.pathParam("id"), "id");
    }
}
