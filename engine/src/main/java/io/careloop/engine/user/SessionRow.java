package io.careloop.engine.user;

import java.time.Instant;

public record SessionRow(String idHash, Long userId, String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
}
