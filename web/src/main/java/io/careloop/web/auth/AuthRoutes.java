package io.careloop.web.auth;

import io.careloop.engine.user.ApiToken;
import io.careloop.engine.user.NewApiToken;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.Session;
import io.careloop.engine.user.User;
import io.careloop.engine.user.LoginThrottle;
import io.careloop.engine.user.UserService;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiException;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sign in and out, who am I, API tokens. */
public final class AuthRoutes {

    private final UserService users;
    private final Requests requests;
    private final LoginThrottle throttle;

    public AuthRoutes(UserService users, Requests requests, LoginThrottle throttle) {
        this.users = users;
        this.requests = requests;
        this.throttle = throttle;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/auth/login").summary("Sign in; sets the session cookie and answers the CSRF token")
                        .access(Access.PUBLIC).body("LoginRequest").handle(this::login),
                ApiRoute.post("/api/v1/auth/logout").summary("Sign out: ends the session").success(204).handle(this::logout),
                ApiRoute.get("/api/v1/auth/me").summary("The signed-in user").handle(this::me),
                ApiRoute.get("/api/v1/auth/tokens").summary("Your API tokens (never their secrets)").handle(this::tokens),
                ApiRoute.post("/api/v1/auth/tokens").summary("Create an API token; its secret is shown once")
                        .body("TokenRequest").success(201).handle(this::createToken),
                ApiRoute.delete("/api/v1/auth/tokens/{id}").summary("Revoke one of your API tokens").success(204)
                        .handle(this::revokeToken));
    }

    record LoginRequest(String username, String password) {
    }

    record TokenRequest(String name, Integer validDays, String scope) {
    }

    private void login(Context ctx, User ignored) {
        LoginRequest req = requests.body(ctx, LoginRequest.class);
        String address = ctx.ip();
        throttle.blocked(req.username(), address).ifPresent(wait -> {
            throw ApiException.tooManyRequests("too many failed logins for this account or from this address; try again later", wait);
        });
        Session s = users.login(req.username(), req.password()).orElseGet(() -> {
            throttle.failed(req.username(), address);
            throw ApiException.unauthorized("wrong username or password");
        });
        throttle.succeeded(req.username());
        // a new session id at every sign-in (no fixation); the session the browser had, if any, ends
        users.logout(ctx.cookie(Authenticator.SESSION_COOKIE));
        ctx.cookie(new Cookie(Authenticator.SESSION_COOKIE, s.sessionId(), "/", -1, secure(ctx), true, null, SameSite.LAX));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("csrfToken", s.csrfToken());
        body.put("user", userJson(s.user()));
        ctx.json(body);
    }

    private void logout(Context ctx, User user) {
        users.logout(ctx.cookie(Authenticator.SESSION_COOKIE));
        ctx.removeCookie(Authenticator.SESSION_COOKIE, "/");
        ctx.status(204);
    }

    private void me(Context ctx, User user) {
        ctx.json(userJson(user));
    }

    private void tokens(Context ctx, User user) {
        ctx.json(Map.of("items", users.tokens(user).stream().map(AuthRoutes::tokenJson).toList()));
    }

    private void createToken(Context ctx, User user) {
        TokenRequest req = requests.body(ctx, TokenRequest.class);
        if (req.validDays() != null && (req.validDays() < 1 || req.validDays() > 3650)) {
            throw new io.careloop.engine.error.InvalidInputException("validDays", "validDays must be 1 to 3650");
        }
        NewApiToken t = users.createToken(user, req.name(), req.validDays() == null ? null : Duration.ofDays(req.validDays()),
                req.scope() == null ? ApiToken.WRITE : req.scope());
        Map<String, Object> body = tokenJson(t.token());
        body.put("token", t.secret());
        ctx.status(201).json(body);
    }

    private void revokeToken(Context ctx, User user) {
        users.revokeToken(user, Requests.longParam(ctx.pathParam("id"), "id"));
        ctx.status(204);
    }

    public static Map<String, Object> userJson(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("roles", u.roles().stream().map(Role::code).toList());
        m.put("teams", u.teams());
        m.put("queues", u.queues());
        return m;
    }

    private static Map<String, Object> tokenJson(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("createdAt", t.createdAt());
        m.put("expiresAt", t.expiresAt());
        m.put("revokedAt", t.revokedAt());
        m.put("lastUsedAt", t.lastUsedAt());
        m.put("scope", t.scope());
        return m;
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

}
