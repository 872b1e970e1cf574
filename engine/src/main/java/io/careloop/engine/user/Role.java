package io.careloop.engine.user;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** What a user may do; see docs/security.md. */
public enum Role implements Coded {
    AGENT("agent"),
    SUPERVISOR("supervisor"),
    SPECIALIST("specialist"),
    INTEGRATOR("integrator"),
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static Role fromCode(String value) {
        return Codes.parseOrNull(Role.class, Role::code, value, "role");
    }
}
