package io.careloop.engine.user;

/**
 * A browser session: the user, the CSRF token that state-changing requests must send back, and
 * (only right after login) the secret session id for the cookie.
 */
public record Session(User user, String csrfToken, String sessionId) {
}
