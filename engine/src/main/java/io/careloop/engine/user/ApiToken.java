package io.careloop.engine.user;

import java.time.Instant;

/** An API token as listed to its owner; the secret itself is shown once, at creation, and stored only as a hash. */
public record ApiToken(Long id, Long userId, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt, String scope) {

    /** {@code read}: GET requests only; {@code write}: everything the owner's roles allow. */
    public static final String READ = "read";
    public static final String WRITE = "write";

    public boolean readOnly() {
        return READ.equals(scope);
    }
}
