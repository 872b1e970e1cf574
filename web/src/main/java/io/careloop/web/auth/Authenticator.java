package io.careloop.web.auth;

import io.careloop.engine.user.Role;
import io.careloop.engine.user.Session;
import io.careloop.engine.user.TokenGrant;
import io.careloop.engine.user.User;
import io.careloop.engine.user.UserService;
import io.careloop.web.api.ApiException;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.stream.Collectors;

/**
 * Finds the user behind a request (a bearer API token, or a session cookie plus, for state-changing
 * requests, the session's CSRF token) and checks the route's roles.
 */
public final class Authenticator {

    public static final String SESSION_COOKIE = "careloop_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final UserService users;

    public Authenticator(UserService users) {
        this.users = users;
    }

    /** The user allowed to call {@code route}; 401 without credentials, 403 without the role or the CSRF token. */
    public User authorize(Context ctx, ApiRoute route) {
        User user = authenticate(ctx, route);
        if (!user.hasAny(route.access().roles())) {
            throw ApiException.forbidden("this needs the permission " + route.access().describe() + " (roles "
                    + route.access().roles().stream().map(Role::code).collect(Collectors.joining(", "))
                    + "); you have " + user.roles().stream().map(Role::code).collect(Collectors.joining(", ")));
        }
        return user;
    }

    private User authenticate(Context ctx, ApiRoute route) {
        boolean changesState = route.changesState();
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiException.unauthorized("use 'Authorization: Bearer <token>' with an API token");
            }
            TokenGrant grant = users.authenticateApiToken(authorization.substring(7).trim())
                    .orElseThrow(() -> ApiException.unauthorized("the API token is unknown, revoked or expired"));
            if (grant.readOnly() && changesState) {
                throw ApiException.forbidden("this API token is read-only (scope read): " + route.method() + " needs a write token");
            }
            return grant.user();
        }
        String sessionId = ctx.cookie(SESSION_COOKIE);
        if (sessionId == null) {
            throw ApiException.unauthorized("sign in (POST /api/v1/auth/login) or send an API token");
        }
        Session session = users.session(sessionId)
                .orElseThrow(() -> ApiException.unauthorized("your session has ended; sign in again"));
        if (changesState) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.forbidden("missing or wrong " + CSRF_HEADER + " header: send the csrfToken the login answered");
            }
        }
        return session.user();
    }
}
