package io.careloop.engine.ticket;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** Handling order, derived from severity and customer tier by classify-ticket.dmn. */
public enum Priority implements Coded {
    URGENT("urgent"),
    HIGH("high"),
    NORMAL("normal"),
    LOW("low");

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static Priority fromCode(String value) {
        return Codes.parseOrNull(Priority.class, Priority::code, value, "priority");
    }
}
