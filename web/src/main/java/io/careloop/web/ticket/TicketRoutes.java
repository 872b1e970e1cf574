package io.careloop.web.ticket;

import io.careloop.engine.error.ForbiddenException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.intake.IntakeResult;
import io.careloop.engine.intake.IntakeService;
import io.careloop.engine.quality.QualityComplaintService;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.privacy.FreeTextMasking;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.PageCursor;
import io.careloop.engine.ticket.Priority;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketFilters;
import io.careloop.engine.ticket.TicketPage;
import io.careloop.engine.ticket.TicketQuery;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.ticket.TicketSort;
import io.careloop.engine.ticket.TicketStatus;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.careloop.web.audit.PersonalDataReads;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tickets: create (intake), read, list a queue, and the agent's actions. */
public final class TicketRoutes {

    /** Roles and data scope: see Permission and Permissions (docs/security.md). */
    static final Access WORK = Access.to(Permission.TICKET_WORK);
    static final Access READ = Access.to(Permission.TICKET_READ);
    /** Integrations (API tokens of integrators) may open tickets, but not read or work them. */
    static final Access CREATE = Access.to(Permission.TICKET_CREATE);
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** Pharmacovigilance reviews are the specialists' (and their supervisors'). */
    static final Access PV_REVIEW = Access.to(Permission.PHARMACOVIGILANCE);

    private final IntakeService intake;
    private final TicketService tickets;
    private final QualityComplaintService quality;
    private final Requests requests;

    public TicketRoutes(IntakeService intake, TicketService tickets, QualityComplaintService quality, Requests requests) {
        this.intake = intake;
        this.tickets = tickets;
        this.quality = quality;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/tickets").summary("Open a ticket; repeat-safe with an Idempotency-Key header")
                        .access(CREATE).body("CreateTicketRequest").success(201).handle(this::create),
                ApiRoute.get("/api/v1/tickets").summary("List a queue: filters (assignee=me|none|name, open=true, sla, severity, channel, product, tier), sort by due or created, keyset cursor")
                        .access(READ).query("queue", "status", "assignee", "priority", "category", "customer", "q",
                                "sort", "cursor", "limit", "sla", "severity", "channel", "product", "tier", "open")
                        .handle(this::list),
                ApiRoute.get("/api/v1/tickets/{number}").summary("One ticket with customer, timeline and process state")
                        .access(READ).handle(this::get),
                ApiRoute.patch("/api/v1/tickets/{number}").summary("Reclassify (category and/or severity) with a reason")
                        .access(WORK).body("ReclassifyRequest").handle(this::reclassify),
                ApiRoute.post("/api/v1/tickets/{number}/claim").summary("Take the ticket").access(WORK)
                        .body("VersionRequest").handle(this::claim),
                ApiRoute.post("/api/v1/tickets/{number}/replies").summary("Reply to the customer").access(WORK)
                        .body("TextRequest").success(201).handle(this::reply),
                ApiRoute.post("/api/v1/tickets/{number}/notes").summary("Add an internal note").access(WORK)
                        .body("TextRequest").success(201).handle(this::note),
                ApiRoute.post("/api/v1/tickets/{number}/resolve").summary("Resolve, optionally with a final reply")
                        .access(WORK).body("ResolveRequest").handle(this::resolve),
                ApiRoute.post("/api/v1/tickets/{number}/reopen").summary("Reopen a resolved ticket with a reason")
                        .access(WORK).body("ReopenRequest").handle(this::reopen),
                ApiRoute.post("/api/v1/tickets/{number}/close").summary("Close a resolved ticket").access(WORK)
                        .body("CloseRequest").handle(this::close),
                ApiRoute.post("/api/v1/tickets/{number}/assign")
                        .summary("Assign the ticket (supervisors and admins to anyone, agents to themselves)")
                        .access(WORK).body("AssignRequest").handle(this::assign),
                ApiRoute.post("/api/v1/tickets/{number}/wait").summary("Wait on the customer: the SLA clocks stop")
                        .access(WORK).body("WaitRequest").handle(this::waitOnCustomer),
                ApiRoute.post("/api/v1/tickets/{number}/resume")
                        .summary("Resume a waiting ticket with the business time that was left").access(WORK)
                        .body("VersionRequest").handle(this::resume),
                ApiRoute.post("/api/v1/tickets/{number}/escalate").summary("Escalate one step up the ladder, with a reason")
                        .access(WORK).body("EscalateRequest").handle(this::escalate),
                ApiRoute.post("/api/v1/tickets/{number}/pv-review")
                        .summary("Record pharmacovigilance's review of a possible adverse event")
                        .access(PV_REVIEW).body("PvReviewRequest").handle(this::pvReview));
    }

    private void create(Context ctx, User user) {
        TicketRequests.Create req = requests.body(ctx, TicketRequests.Create.class);
        String key = ctx.header(IDEMPOTENCY_HEADER);
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new InvalidInputException(IDEMPOTENCY_HEADER, "an Idempotency-Key is 1 to 200 characters");
        }
        // keys are the client's: scoped to the caller so two clients cannot collide
        IntakeResult r = intake.intake(req.toDraft(), "api", key == null ? null : user.username() + "/" + key, user.username());
        ctx.header("Location", "/api/v1/tickets/" + r.ticket().number());
        if (r.duplicate()) {
            ctx.header("Idempotent-Replayed", "true").status(200);
        } else {
            ctx.status(201);
        }
        ctx.json(Permission.TICKET_READ.grantedTo(user) ? TicketJson.of(r.ticket(), FreeTextMasking.forReader(user)) : TicketJson.receipt(r.ticket()));
    }

    private void list(Context ctx, User user) {
        String assignee = ctx.queryParam("assignee");
        TicketSort sort = TicketSort.fromCode(ctx.queryParam("sort"));
        TicketQuery q = new TicketQuery(
                TicketStatus.fromCode(ctx.queryParam("status")),
                blankToNull(ctx.queryParam("queue")),
                "me".equals(assignee) ? user.username() : "none".equals(assignee) ? null : blankToNull(assignee),
                Priority.fromCode(ctx.queryParam("priority")),
                Category.fromCode(ctx.queryParam("category")),
                Requests.longParam(ctx.queryParam("customer"), "customer"),
                ctx.queryParam("q"),
                sort,
                PageCursor.decode(ctx.queryParam("cursor")),
                Requests.intParam(ctx.queryParam("limit"), "limit", 50),
                blankToNull(ctx.queryParam("sla")),
                new TicketFilters(Severity.fromCode(ctx.queryParam("severity")), Channel.fromCode(ctx.queryParam("channel")),
                        ctx.queryParam("product"), Tier.fromCode(ctx.queryParam("tier")),
                        "true".equals(ctx.queryParam("open")), "none".equals(assignee)));
        TicketPage page = tickets.page(q, Permissions.ticketScope(user));
        PersonalDataReads.listing(ctx, "ticket-list").addAll(page.items().stream().map(Ticket::number).toList());
        Map<String, Object> body = new HashMap<>();
        body.put("items", page.items().stream().map(t -> TicketJson.of(t, FreeTextMasking.forReader(user))).toList());
        body.put("nextCursor", page.next() == null ? null : page.next().encode());
        ctx.json(body);
    }

    private void get(Context ctx, User user) {
        var view = tickets.view(ctx.pathParam("number"));
        Map<String, Object> body = TicketJson.of(view, FreeTextMasking.forReader(user));
        // the quality complaint's state (step, lot, sample, investigation, CAPA) for those who work quality
        if (Permission.QUALITY.grantedTo(user)) {
            body.put("quality", quality.find(view.ticket().number()).map(q -> q.masked(FreeTextMasking.forReader(user))).orElse(null));
        }
        ctx.header("ETag", "\"" + view.ticket().version() + "\"").json(body);
    }

    private void reclassify(Context ctx, User user) {
        TicketRequests.Reclassify req = requests.body(ctx, TicketRequests.Reclassify.class);
        respond(ctx, user, tickets.reclassify(ctx.pathParam("number"), Category.fromCode(req.category()),
                Severity.fromCode(req.severity()), req.reason(), user.username(), Requests.expectedVersion(ctx, req.version())));
    }

    private void claim(Context ctx, User user) {
        TicketRequests.Versioned req = requests.optionalBody(ctx, TicketRequests.Versioned.class, new TicketRequests.Versioned(null));
        respond(ctx, user, tickets.claim(ctx.pathParam("number"), user.username(), Requests.expectedVersion(ctx, req.version())));
    }

    private void reply(Context ctx, User user) {
        TicketRequests.Text req = requests.body(ctx, TicketRequests.Text.class);
        ctx.status(201);
        respond(ctx, user, tickets.reply(ctx.pathParam("number"), req.body(), user.username(), Requests.expectedVersion(ctx, req.version())));
    }

    private void note(Context ctx, User user) {
        TicketRequests.Text req = requests.body(ctx, TicketRequests.Text.class);
        ctx.status(201);
        respond(ctx, user, tickets.note(ctx.pathParam("number"), req.body(), user.username()));
    }

    private void resolve(Context ctx, User user) {
        TicketRequests.Resolve req = requests.optionalBody(ctx, TicketRequests.Resolve.class,
                new TicketRequests.Resolve(null, null, null));
        respond(ctx, user, tickets.resolve(ctx.pathParam("number"), req.resolution(), req.reason(), user.username(),
                Requests.expectedVersion(ctx, req.version())));
    }

    private void reopen(Context ctx, User user) {
        TicketRequests.Reopen req = requests.body(ctx, TicketRequests.Reopen.class);
        respond(ctx, user, tickets.reopen(ctx.pathParam("number"), req.reason(), user.username(),
                Requests.expectedVersion(ctx, req.version())));
    }

    private void close(Context ctx, User user) {
        TicketRequests.Close req = requests.optionalBody(ctx, TicketRequests.Close.class, new TicketRequests.Close(null, null));
        respond(ctx, user, tickets.close(ctx.pathParam("number"), req.reason(), user.username(),
                Requests.expectedVersion(ctx, req.version())));
    }

    private void assign(Context ctx, User user) {
        TicketRequests.Assign req = requests.body(ctx, TicketRequests.Assign.class);
        boolean mayAssignOthers = user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
        if (!mayAssignOthers && req.assignee() != null && !req.assignee().trim().equals(user.username())) {
            throw new ForbiddenException("only a supervisor assigns a ticket to someone else; an agent may assign it to themselves");
        }
        respond(ctx, user, tickets.assign(ctx.pathParam("number"), req.assignee(), user.username(),
                Requests.expectedVersion(ctx, req.version())));
    }

    private void waitOnCustomer(Context ctx, User user) {
        TicketRequests.Wait req = requests.optionalBody(ctx, TicketRequests.Wait.class, new TicketRequests.Wait(null, null));
        respond(ctx, user, tickets.waitOnCustomer(ctx.pathParam("number"), req.reason(), user.username(),
                Requests.expectedVersion(ctx, req.version())));
    }

    private void resume(Context ctx, User user) {
        TicketRequests.Versioned req = requests.optionalBody(ctx, TicketRequests.Versioned.class, new TicketRequests.Versioned(null));
        respond(ctx, user, tickets.resume(ctx.pathParam("number"), user.username(), Requests.expectedVersion(ctx, req.version())));
    }

    private void escalate(Context ctx, User user) {
        TicketRequests.Escalate req = requests.body(ctx, TicketRequests.Escalate.class);
        respond(ctx, user, tickets.escalate(ctx.pathParam("number"), req.reason(), user.username(),
                Requests.expectedVersion(ctx, req.version())));
    }

    private void pvReview(Context ctx, User user) {
        TicketRequests.PvReview req = requests.body(ctx, TicketRequests.PvReview.class);
        respond(ctx, user, tickets.reviewAdverseEvent(ctx.pathParam("number"), req.outcome(), user.username(),
                Requests.expectedVersion(ctx, req.version())));
    }

    private static void respond(Context ctx, User user, Ticket t) {
        ctx.header("ETag", "\"" + t.version() + "\"").json(TicketJson.of(t, FreeTextMasking.forReader(user)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
