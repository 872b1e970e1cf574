package io.careloop.web.api;

import io.careloop.engine.user.User;
import io.javalin.http.Context;

/** A route's handler: the request and the authenticated user (null on public routes). */
@FunctionalInterface
public interface ApiHandler {
    void handle(Context ctx, User user) throws Exception;
}
