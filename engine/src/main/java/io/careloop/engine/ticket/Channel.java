package io.careloop.engine.ticket;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** Where a ticket came in. */
public enum Channel implements Coded {
    EMAIL("email"),
    PHONE("phone"),
    WEB("web"),
    CHAT("chat"),
    VISIT("visit"),
    SURVEY("survey"),
    API("api");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static Channel fromCode(String value) {
        return Codes.parseOrNull(Channel.class, Channel::code, value, "channel");
    }
}
