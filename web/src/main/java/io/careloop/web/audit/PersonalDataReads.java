package io.careloop.web.audit;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.text.Sha256;
import io.careloop.engine.user.User;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Audits reads of personal data: a successful call of a route below records who read which record
 * (action {@code <entity>.read}, entity type {@code access}, entity id {@code <entity>/<id>}: kept
 * apart from the record's own history so a ticket's timeline does not fill with reads). A list or an
 * export of personal data (a queue page, a directory search, a report's tickets) records one event
 * per request, naming the route, the query and what it answered ({@link #listing}), not one per row.
 */
public final class PersonalDataReads {

    /** Route → the entity it reads and the path parameter naming it. */
    static final Map<String, String[]> AUDITED = Map.of(
            "GET /api/v1/tickets/{number}", new String[] {"ticket", "number"},
            "GET /api/v1/tickets/{number}/quality", new String[] {"ticket-quality", "number"},
            "GET /api/v1/tickets/{number}/attachments/{attachmentId}", new String[] {"attachment", "attachmentId"},
            "GET /api/v1/customers/{id}", new String[] {"customer", "id"},
            "GET /api/v1/customers/{id}/export", new String[] {"customer-export", "id"});

    /** At most this many ids are named in one list read's event; {@code count} is always the whole number. */
    public static final int MAX_IDS = 1000;
    private static final String LISTING = PersonalDataReads.class.getName() + ".listing";

    private final AuditTrail audit;
    private final Transactions transactions;

    public PersonalDataReads(AuditTrail audit, Transactions transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * What a list route answered, filled by its handler: one audit event {@code <name>.read} (entity
     * {@code access}/{@code list/<name>}) is written after the handler answered 2xx, with the route,
     * the query (a search text as its digest, {@link #param})
     * and the ids of the records it carried (ticket numbers, customer ids, rejection ids).
     */
    public static final class Listing {
        private final String name;
        private final List<Object> ids = new ArrayList<>();
        private long count;

        private Listing(String name) {
            this.name = name;
        }

        public Listing add(Object id) {
            count++;
            if (ids.size() < MAX_IDS) {
                ids.add(id);
            }
            return this;
        }

        public Listing addAll(List<?> all) {
            all.forEach(this::add);
            return this;
        }
    }

    /** Starts the record of what this request lists (a handler calls it once, then adds each id). */
    public static Listing listing(Context ctx, String name) {
        Listing l = new Listing(name);
        ctx.attribute(LISTING, l);
        return l;
    }

    /** Called after every handler: records the read when the route is audited and answered 2xx. */
    public void afterHandler(ApiRoute route, Context ctx, User user) {
        if (user == null || ctx.statusCode() < 200 || ctx.statusCode() > 299) {
            return;
        }
        String key = route.method().name() + " " + route.path();
        Listing listing = ctx.attribute(LISTING);
        if (listing != null) {
            transactions.write(t -> {
                audit.record(t, user.username(), listing.name + ".read", "access", "list/" + listing.name, null,
                        listed(key, ctx, listing), null);
                return null;
            });
            return;
        }
        String[] entity = AUDITED.get(key);
        if (entity != null) {
            audit.recordAlone(transactions, user.username(), entity[0] + ".read", "access",
                    entity[0] + "/" + ctx.pathParam(entity[1]));
        }
    }

    /**
     * A search text ({@code q}: a name, a phone number, an address) is kept as its SHA-256 only: the
     * access line then holds no readable personal data (erasure does not rewrite access lines), and an
     * auditor who asks "did X search for this number?" hashes the number and compares. Other
     * parameters are codes, ids and usernames, kept as sent.
     */
    static String param(String name, String value) {
        if (!"q".equals(name) || value == null || value.isBlank()) {
            return value;
        }
        return "sha256:" + Sha256.hex(value.strip());
    }

    private static Map<String, Object> listed(String route, Context ctx, Listing l) {
        Map<String, Object> query = new TreeMap<>(ctx.pathParamMap());
        ctx.queryParamMap().forEach((k, v) -> query.put(k, v.size() == 1 ? param(k, v.get(0))
                : v.stream().map(x -> param(k, x)).toList()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("route", route);
        m.put("query", query);
        m.put("count", l.count);
        m.put("ids", l.ids);
        m.put("idsComplete", l.count <= MAX_IDS);
        return m;
    }
}
