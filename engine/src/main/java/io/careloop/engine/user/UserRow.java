package io.careloop.engine.user;

import java.time.Instant;

/** A row of app_user, password hash included: stays inside the user package. */
public record UserRow(Long id, String username, String displayName, String passwordHash, Boolean enabled, Instant createdAt) {
}
