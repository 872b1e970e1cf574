package io.careloop.web.user;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.User;
import io.careloop.engine.user.UserService;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** User administration (admin only). */
public final class UserRoutes {

    private final UserService users;
    private final Requests requests;

    public UserRoutes(UserService users, Requests requests) {
        this.users = users;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/api/v1/users").summary("Create a user with roles and teams")
                .access(Access.to(Permission.USER_ADMIN)).body("UserRequest").success(201).handle(this::create));
    }

    record UserRequest(String username, String displayName, String password, List<String> roles, List<String> teams) {
    }

    private void create(Context ctx, User admin) {
        UserRequest req = requests.body(ctx, UserRequest.class);
        if (req.roles() == null || req.roles().isEmpty()) {
            throw new InvalidInputException("roles", "a user needs at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        req.roles().forEach(r -> roles.add(io.careloop.engine.error.Codes.parse(Role.class, Role::code, r, "roles")));
        User u = users.create(req.username(), req.displayName(), req.password(), roles,
                req.teams() == null ? List.of() : req.teams(), admin.username());
        ctx.status(201).json(io.careloop.web.auth.AuthRoutes.userJson(u));
    }
}
