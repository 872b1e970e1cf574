package io.careloop.engine.ticket;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** How serious the reported matter is. */
public enum Severity implements Coded {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static Severity fromCode(String value) {
        return Codes.parseOrNull(Severity.class, Severity::code, value, "severity");
    }
}
