package io.careloop.web.customer;

import io.careloop.engine.customer.ContactPoints;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerService;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.privacy.PersonalDataView;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.careloop.web.audit.PersonalDataReads;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Customers: create, list, read, update, delete. */
public final class CustomerRoutes {

    static final Access READ = Access.to(Permission.CUSTOMER_READ);
    static final Access WRITE = Access.to(Permission.CUSTOMER_WRITE);
    static final Access DELETE = Access.to(Permission.CUSTOMER_DELETE);

    private final CustomerService customers;
    private final PersonalDataView privacy;
    private final Requests requests;
    private final ContactPoints contactPoints;

    /** Every answer but a creation's goes through {@code privacy}: masked where the reader does not need the data. */
    public CustomerRoutes(CustomerService customers, PersonalDataView privacy, Requests requests) {
        this(customers, privacy, requests, null);
    }

    /** With {@code contactPoints}, a customer's answer shows whether mail to them bounces ({@code emailStatus}). */
    public CustomerRoutes(CustomerService customers, PersonalDataView privacy, Requests requests,
                          ContactPoints contactPoints) {
        this.contactPoints = contactPoints;
        this.customers = customers;
        this.privacy = privacy;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/customers").summary("Create a customer").access(WRITE).body("CustomerRequest")
                        .success(201).handle(this::create),
                ApiRoute.get("/api/v1/customers").summary("List customers (keyset paged by id)").access(READ)
                        .query("q", "cursor", "limit").handle(this::list),
                ApiRoute.get("/api/v1/customers/{id}").summary("One customer").access(READ).handle(this::get),
                ApiRoute.put("/api/v1/customers/{id}").summary("Replace a customer's fields (send the version you read)")
                        .access(WRITE).body("CustomerRequest").handle(this::update),
                ApiRoute.delete("/api/v1/customers/{id}").summary("Delete a customer without tickets (send the version)")
                        .access(DELETE).query("version").success(204).handle(this::delete));
    }

    private void create(Context ctx, User user) {
        // the creator just typed every field: answered in full
        Customer c = customers.create(requests.body(ctx, CustomerRequest.class).toDraft(), user.username());
        ctx.status(201).header("Location", "/api/v1/customers/" + c.id()).json(CustomerJson.of(c));
    }

    private void list(Context ctx, User user) {
        int limit = Requests.intParam(ctx.queryParam("limit"), "limit", 50);
        Long after = Requests.longParam(ctx.queryParam("cursor"), "cursor");
        List<Customer> page = customers.page(ctx.queryParam("q"), after, limit,
                io.careloop.engine.user.Permissions.ticketScope(user));
        PersonalDataReads.listing(ctx, "customer-list").addAll(page.stream().map(c -> String.valueOf(c.id())).toList());
        Map<String, Object> body = new HashMap<>();
        body.put("items", privacy.customers(user, page).stream().map(CustomerJson::of).toList());
        body.put("nextCursor", page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null);
        ctx.json(body);
    }

    private void get(Context ctx, User user) {
        Customer c = customers.get(id(ctx));
        Map<String, Object> body = new HashMap<>(CustomerJson.of(privacy.customer(user, c)));
        ContactPoints.Status mail = contactPoints == null ? null : contactPoints.email(c.email());
        body.put("emailStatus", mail == null ? Map.of("status", "ok")
                : Map.of("status", mail.status(), "reason", String.valueOf(mail.reason()), "since", mail.since()));
        ctx.header("ETag", "\"" + c.version() + "\"").json(body);
    }

    private void update(Context ctx, User user) {
        CustomerRequest req = requests.body(ctx, CustomerRequest.class);
        Integer version = Requests.expectedVersion(ctx, req.version());
        if (version == null) {
            throw new InvalidInputException("version", "send the version you read (field 'version' or If-Match)");
        }
        long id = id(ctx);
        var draft = privacy.restoreMasked(user, customers.get(id), req.toDraft());
        ctx.json(CustomerJson.of(privacy.customer(user, customers.update(id, draft, version, user.username()))));
    }

    private void delete(Context ctx, User user) {
        Integer version = Requests.expectedVersion(ctx, Requests.intParam(ctx.queryParam("version"), "version"));
        if (version == null) {
            throw new InvalidInputException("version", "send the version you read (?version= or If-Match)");
        }
        customers.delete(id(ctx), version, user.username());
        ctx.status(204);
    }

    private static long id(Context ctx) {
        return Requests.longParam(ctx.pathParam("id"), "id");
    }
}
