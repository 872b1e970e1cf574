package io.careloop.engine.user;

/** What a valid API token grants: its owner's roles, for reading only when {@code readOnly}. */
public record TokenGrant(User user, boolean readOnly) {
}
