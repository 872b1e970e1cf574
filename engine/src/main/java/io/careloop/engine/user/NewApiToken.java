package io.careloop.engine.user;

/** A token just created: {@code secret} is shown this once and never again. */
public record NewApiToken(ApiToken token, String secret) {
}
